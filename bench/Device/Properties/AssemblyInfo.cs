using System.Reflection;

[assembly: AssemblyTitle("AgentPhone.Bench.Device")]
[assembly: AssemblyDescription("What the phone keeps alive on nanoFramework's runtime.")]
[assembly: AssemblyProduct("AgentPhone")]
[assembly: AssemblyVersion("0.1.0.0")]
