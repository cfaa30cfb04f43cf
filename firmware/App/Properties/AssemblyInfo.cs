using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.App")]
[assembly: AssemblyDescription("The AgentPhone firmware application for ESP32 devboards.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
