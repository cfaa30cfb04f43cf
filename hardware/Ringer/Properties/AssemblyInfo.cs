using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Ringer")]
[assembly: AssemblyDescription("AgentPhone ringer: ring cadences, key click, volume on a PWM buzzer.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
