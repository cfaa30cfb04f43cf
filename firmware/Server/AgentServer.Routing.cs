using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    // Routing: which Ready agent gets a queue call, which waiting call a freed agent gets.
    // Invariant: a queue never has both a waiting call and an available agent, so routing only
    // ever looks at the head of a queue or the root of its ready index.
    public sealed partial class AgentServer
    {
        /// <summary>The queue's figures now.</summary>
        public QueueStats Stats(Queue queue)
        {
            QueueStats stats = new QueueStats();
            long now = _clock.NowMs;
            stats.CallsQueued = queue.Waiting.Count;
            Call oldest = queue.Waiting.First();
            stats.OldestInQueueMs = oldest == null ? 0 : now - oldest.ArrivedMs;
            System.Array.Copy(queue.AgentsByState, 0, stats.AgentsByState, 0, stats.AgentsByState.Length);
            stats.Offered = queue.Offered;
            stats.Answered = queue.Answered;
            stats.Abandoned = queue.Abandoned;
            stats.AnsweredInServiceLevel = queue.AnsweredInServiceLevel;
            int measured = queue.Answered + queue.Abandoned;
            stats.ServiceLevelPercent = measured == 0 ? 100 : (int)(queue.AnsweredInServiceLevel * 100L / measured);
            stats.AverageSpeedOfAnswerMs = queue.Answered == 0 ? 0 : queue.AnswerWaitTotalMs / queue.Answered;
            return stats;
        }

        /// <summary>Offers waiting calls of the queue to its available agents while there are both.</summary>
        private void Route(Queue queue)
        {
            while (queue.Waiting.Count > 0 && queue.Ready.Count > 0)
            {
                Call call = queue.Waiting.RemoveFirst();
                call.State = CallState.Ringing;
                if (queue.Strategy == Strategy.RingAll)
                {
                    int position;
                    while ((position = queue.Ready.Best()) >= 0)
                    {
                        OfferLeg(call, ((Membership)queue.Members[position]).Agent, true, null);
                    }
                }
                else
                {
                    int position = PickPosition(queue);
                    queue.LastPosition = position;
                    OfferLeg(call, ((Membership)queue.Members[position]).Agent, true, null);
                }

                EmitQueue(queue);
            }
        }

        private static int PickPosition(Queue queue)
        {
            int best = queue.Ready.Best();
            if (queue.Strategy != Strategy.Circular)
            {
                return best;
            }

            // Round robin within the best priority: the first available after the last one offered.
            int after = queue.Ready.BestIn(queue.LastPosition + 1, int.MaxValue);
            if (after >= 0 && queue.Ready.PriorityOf(after) == queue.Ready.PriorityOf(best))
            {
                return after;
            }

            return queue.Ready.BestIn(0, queue.LastPosition);
        }

        /// <summary>A freed (Ready) agent takes the best waiting call of its queues: its highest
        /// priority queue first, then the call waiting longest. With none it joins the ready indexes.</summary>
        private void TakeNextCallOrWait(Agent agent)
        {
            Membership chosen = null;
            Call next = null;
            for (int i = 0; i < agent.Memberships.Count; i++)
            {
                Membership m = (Membership)agent.Memberships[i];
                Call head = m.Queue.Waiting.First();
                if (head == null)
                {
                    continue;
                }

                if (next == null || m.Priority < chosen.Priority
                    || (m.Priority == chosen.Priority && head.ArrivedMs < next.ArrivedMs))
                {
                    chosen = m;
                    next = head;
                }
            }

            if (next != null)
            {
                chosen.Queue.Waiting.RemoveFirst();
                next.State = CallState.Ringing;
                chosen.Queue.LastPosition = chosen.Position;
                OfferLeg(next, agent, true, null);
                EmitQueue(chosen.Queue);
                return;
            }

            for (int i = 0; i < agent.Memberships.Count; i++)
            {
                MarkAvailable((Membership)agent.Memberships[i]);
            }
        }

        private void MarkAvailable(Membership m)
        {
            Agent agent = m.Agent;
            long key;
            switch (m.Queue.Strategy)
            {
                case Strategy.MostIdle:
                    key = agent.LastCallEndedMs;
                    break;
                case Strategy.LongestAvailable:
                    key = agent.ReadySinceMs;
                    break;
                case Strategy.FewestCalls:
                    key = agent.CallsHandled;
                    break;
                default:
                    // Linear, circular, ring-all: member order.
                    key = 0;
                    break;
            }

            m.Queue.Ready.Set(m.Position, m.Priority, key);
        }

        private void CountAnswer(Queue queue, long waitedMs)
        {
            queue.Answered++;
            queue.AnswerWaitTotalMs += waitedMs;
            if (waitedMs <= queue.ServiceLevelSeconds * 1000L)
            {
                queue.AnsweredInServiceLevel++;
            }
        }
    }
}
