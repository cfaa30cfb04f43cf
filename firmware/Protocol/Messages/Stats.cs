using AgentPhone.Protocol.Json;

namespace AgentPhone.Protocol.Messages
{
    /// <summary>GET /api/v1/stats (the agent's queues) and /api/v1/queues/{name}/stats.</summary>
    public sealed class StatsResponse : IMessage
    {
        public QueueFigures[] Queues;
        /// <summary>Calls the agent has handled since signing in (0 for a queue's stats).</summary>
        public int CallsHandled;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("queues", Queues);
            w.Member("callsHandled", CallsHandled);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "queues")
            {
                System.Collections.ArrayList items = r.ReadMessages(QueueFigures.New);
                Queues = new QueueFigures[items.Count];
                items.CopyTo(Queues, 0);
            }
            else if (name == "callsHandled") CallsHandled = r.ReadInt();
            else r.Skip();
        }
    }

    /// <summary>One queue's (skill group's) figures.</summary>
    public sealed class QueueFigures : IMessage
    {
        internal static IMessage New()
        {
            return new QueueFigures();
        }

        public string Queue;
        public int CallsQueued;
        /// <summary>How long the oldest waiting call has waited, or 0.</summary>
        public long OldestInQueueMs;
        public int Offered;
        public int Answered;
        public int Abandoned;
        public int ServiceLevelPercent;
        public long AverageSpeedOfAnswerMs;
        public int AgentsReady;
        public int AgentsNotReady;
        public int AgentsBusy;
        public int AgentsWork;

        public void WriteMembers(JsonWriter w)
        {
            w.Member("queue", Queue);
            w.Member("callsQueued", CallsQueued);
            w.Member("oldestInQueueMs", OldestInQueueMs);
            w.Member("offered", Offered);
            w.Member("answered", Answered);
            w.Member("abandoned", Abandoned);
            w.Member("serviceLevelPercent", ServiceLevelPercent);
            w.Member("averageSpeedOfAnswerMs", AverageSpeedOfAnswerMs);
            w.Member("agentsReady", AgentsReady);
            w.Member("agentsNotReady", AgentsNotReady);
            w.Member("agentsBusy", AgentsBusy);
            w.Member("agentsWork", AgentsWork);
        }

        public void ReadMember(string name, JsonReader r)
        {
            if (name == "queue") Queue = r.ReadString();
            else if (name == "callsQueued") CallsQueued = r.ReadInt();
            else if (name == "oldestInQueueMs") OldestInQueueMs = r.ReadLong();
            else if (name == "offered") Offered = r.ReadInt();
            else if (name == "answered") Answered = r.ReadInt();
            else if (name == "abandoned") Abandoned = r.ReadInt();
            else if (name == "serviceLevelPercent") ServiceLevelPercent = r.ReadInt();
            else if (name == "averageSpeedOfAnswerMs") AverageSpeedOfAnswerMs = r.ReadLong();
            else if (name == "agentsReady") AgentsReady = r.ReadInt();
            else if (name == "agentsNotReady") AgentsNotReady = r.ReadInt();
            else if (name == "agentsBusy") AgentsBusy = r.ReadInt();
            else if (name == "agentsWork") AgentsWork = r.ReadInt();
            else r.Skip();
        }
    }
}
