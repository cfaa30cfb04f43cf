using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Tests")]
[assembly: AssemblyDescription("Tests of the AgentPhone hardware drivers and boards, for the nanoFramework virtual device and the host.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
