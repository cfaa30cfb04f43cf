using System.Text;
using AgentPhone;
using AgentPhone.Bench.Run;

// Every benchmark, side by side in one run, into docs/performance.md:
//   dotnet run -c Release --project bench/Run [-- --only routing|erlang|load|shift|secrets|store|cluster|phone|device [sizes, e.g. 1000,5000] [--write]]
//   (--write with --only: that section of docs/performance.md anew, marked as from its own run)
if (args.Length == 1 && args[0] == "--bare-kestrel")
{
    await BareKestrel.Serve();
    return 0;
}

string only = args.Length >= 2 && args[0] == "--only" ? args[1] : "";
int[] sizes = args.Length >= 3 && args[0] == "--only" && args[2] != "--write" ? args[2].Split(',').Select(int.Parse).ToArray() : [1_000, 10_000, 20_000];
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

if (only is "" or "load")
{
    Console.WriteLine("server load ...");
    reports.Add(LoadBench.Run(sizes));
}

if (only is "" or "shift")
{
    Console.WriteLine("shift start ...");
    reports.Add(LoadBench.ShiftStart());
}

if (only is "" or "secrets")
{
    Console.WriteLine("secrets ...");
    reports.Add(SecretsBench.Run());
}

if (only is "" or "store")
{
    Console.WriteLine("store ...");
    reports.Add(StoreBench.Run());
}

if (only is "" or "cluster")
{
    Console.WriteLine("cluster ...");
    reports.Add(ClusterBench.Run());
}

if (only is "" or "phone")
{
    Console.WriteLine("phone ...");
    reports.Add(PhoneBench.Run());
}

if (only is "" or "device")
{
    Console.WriteLine("device ...");
    reports.Add(DeviceBench.Run());
}

var md = new StringBuilder();
md.AppendLine("# Performance").AppendLine();
md.AppendLine($"Written by `dotnet run -c Release --project bench/Run` on {DateTime.UtcNow:yyyy-MM-dd}: {Environment.ProcessorCount} cores, " +
    $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}. Figures from one run; " +
    "ratios are measured side by side in that run.").AppendLine();
foreach (Report report in reports)
{
    md.Append(report.Markdown());
}

Console.WriteLine(md);
string path = Path.Combine(RepositoryRoot.Find(), "docs", "performance.md");
if (only == "")
{
    // A whole run is the document: its figures sit side by side from one machine and one time.
    File.WriteAllText(path, md.ToString());
    Console.WriteLine($"wrote {path}");
}
else if (args.Contains("--write") && File.Exists(path))
{
    // One section anew (--only <name> --write), saying it is not from the whole run: its figures
    // are not to be set beside the other sections'.
    string document = File.ReadAllText(path);
    foreach (Report report in reports)
    {
        string section = report.Markdown();
        int heading = section.IndexOf("\n\n", StringComparison.Ordinal) + 2;
        section = section[..heading] + $"This section is from `dotnet run -c Release --project bench/Run -- --only {only} --write` on {DateTime.UtcNow:yyyy-MM-dd}, not from the whole run.\n\n" + section[heading..];
        int start = document.IndexOf($"## {report.Title}\n", StringComparison.Ordinal);
        int end = start < 0 ? -1 : document.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        document = start < 0 ? document + section : document[..start] + section + (end < 0 ? string.Empty : document[(end + 1)..]);
    }

    File.WriteAllText(path, document);
    Console.WriteLine($"wrote the {only} section of {path}");
}
return reports.All(r => r.AllHold) ? 0 : 1;
