using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Server")]
[assembly: AssemblyDescription("The AgentPhone agent-server core: agents, states, queues, routing, stats. No I/O.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
