using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Keypad")]
[assembly: AssemblyDescription("AgentPhone keypad drivers: matrix scanning, debounce, key maps.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
