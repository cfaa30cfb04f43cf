using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Boards")]
[assembly: AssemblyDescription("AgentPhone devboard profiles: pins, panel and keypad as data.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
