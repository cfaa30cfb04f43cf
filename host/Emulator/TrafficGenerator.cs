using AgentPhone.Server;
using AgentPhone.ServerHost;

namespace AgentPhone.Emulator;

/// <summary>
/// Callers for the demo: offers calls to a queue at a rate (exponential gaps, as independent
/// callers arrive) through the PBX route, and hangs each up once it has been talked to for the
/// handle time. Calls still waiting when the generator stops stay where they are.
/// </summary>
public sealed class TrafficGenerator(CenterHost center, Func<string, Task<string?>> offer, Func<string, Task> hangUp) : IDisposable
{
    private const int CheckMs = 250;
    private readonly Random _random = new();
    private readonly Dictionary<string, long> _answeredAt = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public bool Running => _loop is { IsCompleted: false };
    public double CallsPerMinute { get; private set; }
    public int HandleSeconds { get; private set; }
    public string Queue { get; private set; } = "Support";
    public int Offered { get; private set; }
    public int Completed { get; private set; }

    public object Status => new { running = Running, callsPerMinute = CallsPerMinute, handleSeconds = HandleSeconds, queue = Queue, offered = Offered, completed = Completed };

    public void Start(double callsPerMinute, int handleSeconds, string queue)
    {
        Stop();
        CallsPerMinute = callsPerMinute;
        HandleSeconds = handleSeconds;
        Queue = queue;
        _stop = new CancellationTokenSource();
        _loop = Task.Run(() => Run(_stop.Token));
    }

    public void Stop()
    {
        _stop?.Cancel();
        try
        {
            _loop?.Wait();
        }
        catch (AggregateException)
        {
        }

        _loop = null;
    }

    public void Dispose() => Stop();

    private async Task Run(CancellationToken stop)
    {
        long nextOfferMs = Environment.TickCount64;
        while (!stop.IsCancellationRequested)
        {
            long now = Environment.TickCount64;
            if (now >= nextOfferMs)
            {
                string ani = "23" + _random.Next(10, 100);
                string body = $"{{\"queue\":\"{Queue}\",\"ani\":\"{ani}\",\"variables\":[{{\"name\":\"Source\",\"value\":\"traffic generator\"}}]}}";
                if (await offer(body) is { } id)
                {
                    _answeredAt[id] = 0;
                    Offered++;
                }

                // Exponential gaps: the mean is 60 / rate seconds.
                nextOfferMs = now + (long)(-Math.Log(1 - _random.NextDouble()) * 60_000 / CallsPerMinute);
            }

            foreach (string id in _answeredAt.Keys.ToList())
            {
                CallState? state = center.Read(s => s.FindCall(id)?.State);
                if (state is null or CallState.Ended)
                {
                    _answeredAt.Remove(id);
                    Completed++;
                }
                else if (state == CallState.Connected && _answeredAt[id] == 0)
                {
                    _answeredAt[id] = now;
                }
                else if (_answeredAt[id] > 0 && now - _answeredAt[id] >= HandleSeconds * 1000L)
                {
                    await hangUp(id);
                }
            }

            try
            {
                await Task.Delay(CheckMs, stop);
            }
            catch (TaskCanceledException)
            {
            }
        }
    }
}
