using AgentPhone.Server;
using AgentPhone.Traffic;

namespace AgentPhone.Bench.Run;

/// <summary>The core's routing in virtual time against queueing theory: Poisson arrivals,
/// exponential handle times, agents always Ready between calls; the measured mean wait beside
/// the Erlang C prediction for several staffing points.</summary>
public static class ErlangBench
{
    private static readonly (int Agents, double Erlangs, double HandleSeconds)[] Points =
    [
        (5, 3.5, 180),
        (10, 8, 180),
        (20, 17, 240),
        (50, 45, 300),
    ];

    // Mean wait converges slowly near full load (successive waits are strongly correlated):
    // 40,000 calls leave ±50% between seeds at 90% occupancy; two million bring it to a few percent.
    private const int Calls = 2_000_000;

    public static Report Run()
    {
        var report = new Report("Erlang C", $"One queue, longest-available routing, {Calls:N0} calls per point through the real core in virtual time.");
        var rows = new List<string[]>();
        double worst = 0;
        foreach (var (agents, erlangs, handle) in Points)
        {
            var sim = new QueueSimulation(agents, Strategy.LongestAvailable, handle, 20, seed: 7);
            SimulationResult result = sim.Run(Calls, erlangs / handle);
            double predicted = ErlangC.MeanWait(agents, erlangs, handle);
            double error = Math.Abs(result.MeanWaitSeconds - predicted) / predicted;
            worst = Math.Max(worst, error);
            rows.Add([agents.ToString(), $"{erlangs:F1}", $"{handle:F0} s", $"{result.MeanWaitSeconds:F1} s", $"{predicted:F1} s", $"{error:P1}",
                $"{result.ServiceLevel:P1}", $"{ErlangC.ServiceLevel(agents, erlangs, handle, 20):P1}", result.OffersToAgentsNotReady.ToString()]);
        }

        report.Table(["agents", "load (Erl)", "handle", "mean wait, measured", "Erlang C", "difference", "SL 20 s, measured", "Erlang C", "offers to agents not Ready"], rows);
        report.Note("With 40,000 calls per point the difference reached 38% at 90% occupancy. An independent M/M/c simulation (FIFO, no server core) spreads as widely between seeds at that length (11 s to 24 s around 21.8 s for 50 agents at 45 Erlang), so the cause was the sample, not the routing: the run is now long enough to settle.");
        report.Target("simulated mean wait within 10% of Erlang C at every point", worst <= 0.10, $"largest difference {worst:P1}");
        return report;
    }
}
