using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Nano")]
[assembly: AssemblyDescription("AgentPhone bindings to nanoFramework: GPIO, SPI, PWM, ESP32 pin functions.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
