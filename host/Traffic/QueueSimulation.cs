using AgentPhone.Hardware.Virtual;
using AgentPhone.Protocol;
using AgentPhone.Server;

namespace AgentPhone.Traffic;

/// <summary>What a simulation run measured.</summary>
public sealed record SimulationResult(
    int Offered,
    int Answered,
    double MeanWaitSeconds,
    double ServiceLevel,
    int OffersToAgentsNotReady,
    long VirtualSeconds);

/// <summary>
/// One queue with N agents who answer at once and hold calls for exponential handle times,
/// fed by Poisson arrivals, all through the real server core in virtual time. Agents stay
/// signed in and Ready between calls (no wrap-up), as the Erlang C model assumes.
/// </summary>
public sealed class QueueSimulation : IServerListener
{
    private readonly VirtualClock _clock = new(0);
    private readonly AgentServer _server;
    private readonly Random _random;
    private readonly PriorityQueue<Action, (long At, long Order)> _agenda = new();
    private readonly Dictionary<string, AgentState> _lastState = new();
    private readonly Queue<Agent> _toAnswer = new();
    private readonly double _meanHandleMs;
    private readonly double _serviceLevelMs;
    private long _order;
    private int _answered;
    private int _answeredInTime;
    private double _waitTotalMs;
    private int _badOffers;

    public QueueSimulation(int agents, Strategy strategy, double meanHandleSeconds, double serviceLevelSeconds, int seed)
    {
        _random = new Random(seed);
        _meanHandleMs = meanHandleSeconds * 1000;
        _serviceLevelMs = serviceLevelSeconds * 1000;
        _server = new AgentServer(_clock, new PlainSecrets(), new ServerOptions { EventsPerStream = 16 });
        _server.Listener = this;
        var queue = new Queue(null, "Q", strategy) { RingTimeoutSeconds = 3600 };
        _server.AddQueue(queue);
        for (int i = 0; i < agents; i++)
        {
            var agent = new Agent(null, "a" + i, null) { PasswordSecret = "pw" };
            _server.AddAgent(agent);
            _server.AddToQueue(agent, queue, 1);
            Check(_server.SignIn(null, agent.Id, "pw", (10000 + i).ToString(), out _));
            Check(_server.SetState(agent, AgentState.Ready, 0));
        }
    }

    /// <summary>Offers <paramref name="calls"/> calls at <paramref name="callsPerSecond"/> and runs
    /// until every one of them has been handled.</summary>
    public SimulationResult Run(int calls, double callsPerSecond)
    {
        double meanGapMs = 1000 / callsPerSecond;
        long at = 0;
        for (int i = 0; i < calls; i++)
        {
            at += Exponential(meanGapMs);
            At(at, Arrive);
        }

        while (_agenda.TryDequeue(out Action? action, out var when))
        {
            _clock.Advance(when.At - _clock.NowMs);
            _server.Tick();
            action();
            AnswerOffers();
        }

        QueueStats stats = _server.Stats(_server.FindQueue(null, "Q")!);
        return new SimulationResult(
            stats.Offered,
            _answered,
            _answered == 0 ? 0 : _waitTotalMs / _answered / 1000,
            _answered == 0 ? 0 : (double)_answeredInTime / _answered,
            _badOffers,
            _clock.NowMs / 1000);
    }

    void IServerListener.OnEvent(EventStream stream, ServerEvent e)
    {
        if (stream.Owner != StreamOwner.Agent)
        {
            return;
        }

        if (e.Kind == EventKind.StateChanged)
        {
            // A queue call may only reserve an agent who was Ready.
            if (e.State == AgentState.Reserved && _lastState.GetValueOrDefault(e.AgentId) != AgentState.Ready)
            {
                _badOffers++;
            }

            _lastState[e.AgentId] = e.State;
        }
        else if (e.Kind == EventKind.CallOffered)
        {
            // The core is not re-entrant: answer once the current call into it has returned.
            _toAnswer.Enqueue(_server.FindAgent(null, e.AgentId)!);
        }
    }

    private void Arrive()
    {
        Check(_server.OfferToQueue(null, "Q", "1", "2", null, null, out _));
    }

    private void AnswerOffers()
    {
        while (_toAnswer.TryDequeue(out Agent? agent))
        {
            Call call = agent.Leg!.Call;
            Check(_server.Answer(agent));
            double waitedMs = _clock.NowMs - call.ArrivedMs;
            _answered++;
            _waitTotalMs += waitedMs;
            if (waitedMs <= _serviceLevelMs)
            {
                _answeredInTime++;
            }

            At(_clock.NowMs + Exponential(_meanHandleMs), () => Check(_server.Release(agent)));
        }
    }

    private void At(long atMs, Action action)
    {
        _agenda.Enqueue(action, (atMs, _order++));
    }

    private long Exponential(double meanMs)
    {
        return (long)Math.Round(-Math.Log(1 - _random.NextDouble()) * meanMs);
    }

    private static void Check(ErrorCode code)
    {
        if (code != ErrorCode.None)
        {
            throw new InvalidOperationException("Server refused: " + ErrorCodes.ToWire(code));
        }
    }
}
