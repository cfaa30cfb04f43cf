using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Device")]
[assembly: AssemblyDescription("The AgentPhone as a device: a board's drivers, the phone core, its loop, the single-agent demo.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
