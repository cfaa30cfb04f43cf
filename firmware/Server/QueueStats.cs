namespace AgentPhone.Server
{
    /// <summary>A queue's figures at one moment.</summary>
    public sealed class QueueStats
    {
        public readonly int[] AgentsByState = new int[Protocol.AgentStates.Names.Count];
        public int CallsQueued;
        /// <summary>How long the oldest waiting call has waited, or 0.</summary>
        public long OldestInQueueMs;
        /// <summary>Calls that entered the queue.</summary>
        public int Offered;
        public int Answered;
        /// <summary>Callers who hung up while waiting or ringing.</summary>
        public int Abandoned;
        public int AnsweredInServiceLevel;
        /// <summary>Answered within the threshold, as a percentage of answered plus abandoned; 100 with neither.</summary>
        public int ServiceLevelPercent;
        public long AverageSpeedOfAnswerMs;
    }
}
