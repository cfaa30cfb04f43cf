namespace AgentPhone.Bench.Device
{
    /// <summary>What one run measures. The bench (bench/Run) builds a run per board and mode with
    /// its own copy of this file; as it stands, it is the M5Stack with the on-device demo center.</summary>
    internal static class Scenario
    {
        public const string Board = "m5stack-core";
        public const bool WithDemo = true;
    }
}
