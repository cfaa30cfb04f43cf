namespace AgentPhone.Traffic;

/// <summary>The Erlang C queueing model (M/M/N): what a queue with N agents should do under a load.</summary>
public static class ErlangC
{
    /// <summary>Probability that a call has to wait, for <paramref name="agents"/> agents and an
    /// offered load of <paramref name="erlangs"/> (arrival rate × mean handle time).</summary>
    public static double WaitProbability(int agents, double erlangs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(agents);
        if (erlangs >= agents)
        {
            return 1.0;
        }

        // Erlang B by its recurrence (no factorials to overflow), then C from B.
        double b = 1.0;
        for (int k = 1; k <= agents; k++)
        {
            b = erlangs * b / (k + erlangs * b);
        }

        double occupancy = erlangs / agents;
        return b / (1 - occupancy + occupancy * b);
    }

    /// <summary>Mean wait in queue over all calls, in the unit of <paramref name="meanHandleTime"/>.</summary>
    public static double MeanWait(int agents, double erlangs, double meanHandleTime)
    {
        return WaitProbability(agents, erlangs) * meanHandleTime / (agents - erlangs);
    }

    /// <summary>Share of calls answered within <paramref name="threshold"/> (same unit as the handle time).</summary>
    public static double ServiceLevel(int agents, double erlangs, double meanHandleTime, double threshold)
    {
        return 1 - WaitProbability(agents, erlangs) * Math.Exp(-(agents - erlangs) * threshold / meanHandleTime);
    }
}
