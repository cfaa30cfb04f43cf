using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Listener")]
[assembly: AssemblyDescription("The agent API on the device: nanoFramework's HttpListener in front of the server core's route table.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
