using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Firmware.Tests")]
[assembly: AssemblyDescription("Tests of the AgentPhone firmware cores, for the nanoFramework virtual device and the host.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
