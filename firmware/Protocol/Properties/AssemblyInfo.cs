using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Protocol")]
[assembly: AssemblyDescription("The wire contract shared by the AgentPhone phone and agent server.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
