using System.Text;
using AgentPhone.Bench.Run;

// Every benchmark, side by side in one run, into docs/performance.md:
//   dotnet run -c Release --project bench/Run [-- --only routing|erlang]
string only = args.Length == 2 && args[0] == "--only" ? args[1] : "";
var reports = new List<Report>();
if (only is "" or "routing")
{
    Console.WriteLine("routing ...");
    reports.Add(RoutingBench.Run());
}

if (only is "" or "erlang")
{
    Console.WriteLine("Erlang C ...");
    reports.Add(ErlangBench.Run());
}

var md = new StringBuilder();
md.AppendLine("# Performance").AppendLine();
md.AppendLine($"Written by `dotnet run -c Release --project bench/Run` on {DateTime.UtcNow:yyyy-MM-dd}: {Environment.ProcessorCount} cores, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Figures from one run; " +
    "ratios are measured side by side in that run. Phone-side figures: `dotnet run -c Release --project bench/Phone`.").AppendLine();
foreach (Report report in reports)
{
    md.Append(report.Markdown());
}

string root = AppContext.BaseDirectory;
while (root.Length > 0 && !File.Exists(Path.Combine(root, "nf.sln")))
{
    root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? "";
}

string path = Path.Combine(root.Length > 0 ? root : ".", "docs", "performance.md");
File.WriteAllText(path, md.ToString());
Console.WriteLine(md);
Console.WriteLine($"wrote {path}");
return reports.All(r => r.AllHold) ? 0 : 1;
