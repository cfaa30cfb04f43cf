using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Abstractions")]
[assembly: AssemblyDescription("The hardware seams of AgentPhone: clock, pins, buses, tone, keys.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
