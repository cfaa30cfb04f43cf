using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Server")]
[assembly: AssemblyDescription("The AgentPhone agent-server core: agents, states, queues, routing, stats. No I/O.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]

// The device tests (NFUnitTest on the virtual device, AgentPhone.Firmware.Tests on the host)
// check the data structures directly.
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("NFUnitTest")]
[assembly: System.Runtime.CompilerServices.InternalsVisibleTo("AgentPhone.Firmware.Tests")]
