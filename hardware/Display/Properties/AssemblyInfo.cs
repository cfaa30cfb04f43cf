using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Hardware.Display")]
[assembly: AssemblyDescription("AgentPhone's character-cell screen model, framebuffer renderer and panel drivers.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
