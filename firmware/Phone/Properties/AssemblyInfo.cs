using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Phone")]
[assembly: AssemblyDescription("The AgentPhone phone core: screens, softkeys, menus, text entry, events.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
