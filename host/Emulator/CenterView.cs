using AgentPhone.Protocol;
using AgentPhone.Server;
using AgentPhone.ServerHost;

namespace AgentPhone.Emulator;

/// <summary>What the side panel shows live: each queue's figures and each agent's state, read
/// from the embedded server under its lock, by the names its configuration gives.</summary>
public sealed class CenterView(CenterHost center, string configPath)
{
    private CenterConfig? _config;
    private DateTime _configWritten;

    public object Snapshot()
    {
        CenterConfig config = Config();
        return center.Read(server => new
        {
            queues = config.Queues.Select(q => server.FindQueue(q.Tenant, q.Name)).Where(q => q != null).Select(q =>
            {
                QueueStats stats = server.Stats(q);
                return new
                {
                    name = q.Name,
                    queued = stats.CallsQueued,
                    oldestSeconds = stats.OldestInQueueMs / 1000,
                    ready = stats.AgentsByState[(int)AgentState.Ready],
                    offered = stats.Offered,
                    answered = stats.Answered,
                    abandoned = stats.Abandoned,
                    serviceLevelPercent = stats.ServiceLevelPercent,
                };
            }).ToArray(),
            agents = config.Agents.Select(a => server.FindAgent(a.Tenant, a.Id)).Where(a => a != null).Select(a => new
            {
                id = a.Id,
                name = a.Name,
                state = AgentStates.ToDisplay(a.State),
                reason = a.Reason?.Label,
                forSeconds = (server.NowMs - a.StateSinceMs) / 1000,
            }).ToArray(),
        });
    }

    /// <summary>The names to show: read again only when the file changed (an admin reload may add agents).</summary>
    private CenterConfig Config()
    {
        DateTime written = File.GetLastWriteTimeUtc(configPath);
        if (_config is null || written != _configWritten)
        {
            _config = CenterConfig.Parse(File.ReadAllText(configPath));
            _configWritten = written;
        }

        return _config;
    }
}
