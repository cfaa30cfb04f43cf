using AgentPhone.Bench.Phone;

// The phone's costs, printed: allocations per key and per stats refresh, and what each board's
// panel receives per key press. bench/Run puts the same figures into docs/performance.md, beside
// the memory the phone keeps, measured on nanoCLR (dotnet run --project build/Conformance -- --memory).
Console.WriteLine("Phone core, bytes allocated once warm (host, Release build)");
Console.WriteLine($"{"",-28} {"",7} {"",13} {"per stats refresh",31}");
Console.WriteLine($"{"board",-28} {"grid",7} {"per menu key",13} {"same figures",15} {"figures change",15}");
foreach (AllocationRow r in AllocationBench.Run())
{
    Console.WriteLine($"{r.Board,-28} {r.Grid,7} {r.PerMenuKey,11} B {r.PerRefreshSame,13} B {r.PerRefreshChanging,13} B");
}

Console.WriteLine("aims: 0 B per menu key press once warm; under 1 KB per stats refresh");
Console.WriteLine();
Console.WriteLine("Panel traffic per key press (bytes on the bus incl. commands; share of a full frame), and layout + render time on the host");
Console.WriteLine($"{"board",-16} {"frame",8} {"menu DOWN",17} {"typing a char",17} {"state change",17} {"render time",12}");
foreach (PanelRow r in PanelBench.Run())
{
    Console.WriteLine($"{r.Board,-16} {r.FrameBytes,8} {Share(r.MenuDown, r.FrameBytes),17} {Share(r.Typing, r.FrameBytes),17} {Share(r.StateChange, r.FrameBytes),17} {r.RenderMicros,9:F0} µs");
}

Console.WriteLine("aim: under 15% of a full frame per in-menu key press");

Console.WriteLine();
Console.WriteLine("Device JSON codec per body read (host, once warm)");
foreach (CodecRow r in CodecBench.Run())
{
    Console.WriteLine($"{r.Body,-42} {r.Chars,5} chars {r.BytesPerRead,7} B {r.MicrosPerRead,7:F1} µs");
}

static string Share(double bytes, long frame) => $"{bytes,7:F0} B {bytes / frame,6:P1}";
