using System.Collections;
using AgentPhone.Hardware;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>
    /// The contact-center core: agents, states, queues, routing, calls, stats and event streams.
    /// No I/O and no threads: time comes from the clock, timed work runs when <see cref="Tick"/>
    /// is called, and every change is an event in the affected streams. Not thread-safe: a host
    /// serializes calls into it (one lock), never holding that lock across I/O.
    /// Actions return <see cref="ErrorCode.None"/> or why they were refused; a refused action
    /// changes nothing.
    /// </summary>
    public sealed partial class AgentServer
    {
        private readonly IClock _clock;
        private readonly ISecretVerifier _secrets;
        // Device secrets are long random strings, kept as the host hands them in: an even-time
        // comparison is enough.
        private readonly PlainSecrets _deviceSecrets = new PlainSecrets();
        private readonly ServerOptions _options;
        private readonly Deadlines _deadlines = new Deadlines();
        private readonly NameMap _agents = new NameMap();      // tenant + id
        private readonly NameMap _homes = new NameMap();       // tenant + home extension
        private readonly NameMap _stations = new NameMap();    // tenant + extension
        private readonly NameMap _queues = new NameMap();      // tenant + name
        private readonly NameMap _teams = new NameMap();       // tenant + name
        private readonly NameMap _catalogs = new NameMap();    // tenant
        private readonly NameMap _calls = new NameMap();       // call id
        private readonly NameMap _devices = new NameMap();     // device name
        private IServerListener _listener;
        private long _lastCallId;

        public AgentServer(IClock clock, ISecretVerifier secrets, ServerOptions options)
        {
            if (clock == null || secrets == null)
            {
                throw new System.ArgumentNullException(clock == null ? "clock" : "secrets");
            }

            _clock = clock;
            _secrets = secrets;
            _options = options == null ? new ServerOptions() : options;
        }

        /// <summary>Receives every event as it is appended (one listener; the host's).</summary>
        public IServerListener Listener
        {
            get { return _listener; }
            set { _listener = value; }
        }

        // ---- configuration ----

        public void AddTeam(Team team)
        {
            string key = Key(team.Tenant, team.Name);
            if (_teams.Contains(key))
            {
                throw new System.ArgumentException("Duplicate team " + team.Name);
            }

            team.Events = new EventStream(StreamOwner.Team, team.Tenant, team.Name, _options.EventsPerStream);
            _teams.Set(key, team);
        }

        public void AddQueue(Queue queue)
        {
            string key = Key(queue.Tenant, queue.Name);
            if (_queues.Contains(key))
            {
                throw new System.ArgumentException("Duplicate queue " + queue.Name);
            }

            queue.Events = new EventStream(StreamOwner.Queue, queue.Tenant, queue.Name, _options.EventsPerStream);
            _queues.Set(key, queue);
        }

        /// <summary>Adds an agent (signed out). Its team, if named, must exist already.</summary>
        public void AddAgent(Agent agent)
        {
            string key = Key(agent.Tenant, agent.Id);
            if (_agents.Contains(key))
            {
                throw new System.ArgumentException("Duplicate agent " + agent.Id);
            }

            if (agent.HomeExtension != null && _homes.Contains(Key(agent.Tenant, agent.HomeExtension)))
            {
                throw new System.ArgumentException("Two agents with home extension " + agent.HomeExtension);
            }

            Team team = null;
            if (agent.Team != null)
            {
                team = FindTeam(agent.Tenant, agent.Team);
                if (team == null)
                {
                    throw new System.ArgumentException("Unknown team " + agent.Team);
                }
            }

            if (agent.Role == AgentRole.Supervisor && FindTeam(agent.Tenant, agent.SupervisedTeam) == null)
            {
                throw new System.ArgumentException("A supervisor needs an existing team to supervise.");
            }

            agent.TeamRef = team;
            agent.Events = new EventStream(StreamOwner.Agent, agent.Tenant, agent.Id, _options.EventsPerStream);
            agent.StateSinceMs = _clock.NowMs;
            _agents.Set(key, agent);
            if (agent.HomeExtension != null)
            {
                _homes.Set(Key(agent.Tenant, agent.HomeExtension), agent);
            }

            if (team != null)
            {
                team.Members.Add(agent);
            }
        }

        /// <summary>Puts an agent in a queue; <paramref name="priority"/> 1 is offered before 2.</summary>
        public void AddToQueue(Agent agent, Queue queue, int priority)
        {
            if (InQueue(agent, queue))
            {
                throw new System.ArgumentException("Agent " + agent.Id + " is already in " + queue.Name);
            }

            Membership m = new Membership();
            m.Queue = queue;
            m.Agent = agent;
            m.Priority = priority;
            m.Position = queue.Members.Count;
            queue.Members.Add(m);
            agent.Memberships.Add(m);
            queue.AgentsByState[(int)agent.State]++;
            if (agent.State == AgentState.Ready)
            {
                MarkAvailable(m);
                Route(queue);
            }
        }

        public bool InQueue(Agent agent, Queue queue)
        {
            for (int i = 0; i < agent.Memberships.Count; i++)
            {
                if (((Membership)agent.Memberships[i]).Queue == queue)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Declares an extension; a forced-login station shows "No User" while nobody is signed in.</summary>
        public void AddStation(Station station)
        {
            string key = Key(station.Tenant, station.Extension);
            if (_stations.Contains(key))
            {
                throw new System.ArgumentException("Duplicate station " + station.Extension);
            }

            _stations.Set(key, station);
        }

        public void SetDevice(DeviceProfile device)
        {
            // A reload keeps the stream, and with it the phone's wait to join.
            DeviceProfile before = FindDevice(device.DeviceName);
            if (before != null)
            {
                device.Events = before.Events;
            }

            _devices.Set(device.DeviceName, device);
        }

        /// <summary>Tells the phones whose profile has this extension that an agent signed in there.</summary>
        private void WakeDevicesAt(Agent agent)
        {
            string key = Key(agent.Tenant, agent.Extension);
            ArrayList devices = _devices.Values();
            for (int i = 0; i < devices.Count; i++)
            {
                DeviceProfile device = (DeviceProfile)devices[i];
                if (device.Extension != null && Key(device.Tenant, device.Extension) == key)
                {
                    Append(device.Events, NewEvent(EventKind.StateChanged, agent));
                }
            }
        }

        /// <summary>One Button Sign In data of a phone, or null when nothing is prepopulated.</summary>
        public DeviceProfile FindDevice(string deviceName)
        {
            return deviceName == null ? null : (DeviceProfile)_devices.Get(deviceName);
        }

        /// <summary>
        /// The profile a caller may read. A guarded profile (<see cref="DeviceProfile.Guarded"/>) is
        /// given only for its secret: without one it reads as absent, with another one the answer
        /// is <see cref="ErrorCode.BadCredentials"/>. An open profile, or none, ignores a secret.
        /// </summary>
        public ErrorCode OpenDevice(string deviceName, string secret, out DeviceProfile profile)
        {
            profile = FindDevice(deviceName);
            if (profile == null || !profile.Guarded)
            {
                return ErrorCode.None;
            }

            bool matches = secret != null && _deviceSecrets.Matches(profile.Secret, secret);
            if (!matches)
            {
                profile = null;
            }

            return matches || secret == null ? ErrorCode.None : ErrorCode.BadCredentials;
        }

        /// <summary>Whether <paramref name="secret"/> is the device's own (a profile without one has none).</summary>
        public bool ProvesDevice(DeviceProfile profile, string secret)
        {
            return profile != null && profile.Secret != null && secret != null && _deviceSecrets.Matches(profile.Secret, secret);
        }

        /// <summary>The reason codes of a tenant (created empty on first use).</summary>
        public ReasonCatalog Reasons(string tenant)
        {
            string key = tenant == null ? string.Empty : tenant;
            ReasonCatalog catalog = (ReasonCatalog)_catalogs.Get(key);
            if (catalog == null)
            {
                catalog = new ReasonCatalog();
                _catalogs.Set(key, catalog);
            }

            return catalog;
        }

        // ---- lookups ----

        public Agent FindAgent(string tenant, string id)
        {
            return id == null ? null : (Agent)_agents.Get(Key(tenant, id));
        }

        /// <summary>Every agent, in no particular order (a host counts their stored secrets).</summary>
        public Agent[] AllAgents()
        {
            ArrayList all = _agents.Values();
            var agents = new Agent[all.Count];
            for (int i = 0; i < agents.Length; i++)
            {
                agents[i] = (Agent)all[i];
            }

            return agents;
        }

        public Queue FindQueue(string tenant, string name)
        {
            return name == null ? null : (Queue)_queues.Get(Key(tenant, name));
        }

        public Team FindTeam(string tenant, string name)
        {
            return name == null ? null : (Team)_teams.Get(Key(tenant, name));
        }

        public Station FindStation(string tenant, string extension)
        {
            return extension == null ? null : (Station)_stations.Get(Key(tenant, extension));
        }

        public Call FindCall(string id)
        {
            return id == null ? null : (Call)_calls.Get(id);
        }

        /// <summary>The agent signed in at an extension, or null.</summary>
        public Agent SignedInAt(string tenant, string extension)
        {
            Station station = FindStation(tenant, extension);
            return station == null ? null : station.Agent;
        }

        public long NowMs
        {
            get { return _clock.NowMs; }
        }

        private static string Key(string tenant, string name)
        {
            return (tenant == null ? string.Empty : tenant) + "\n" + name;
        }

        // ---- events ----

        private ServerEvent NewEvent(EventKind kind, Agent agent)
        {
            ServerEvent e = new ServerEvent();
            e.AtMs = _clock.NowMs;
            e.Kind = kind;
            e.AgentId = agent.Id;
            e.State = agent.State;
            e.Reason = agent.Reason;
            e.HasPending = agent.HasPending;
            e.PendingState = agent.PendingState;
            e.PendingReason = agent.PendingReason;
            e.WrapUpEndsMs = agent.WrapUpEndsMs;
            return e;
        }

        private void Append(EventStream stream, ServerEvent e)
        {
            stream.Append(e);
            if (_listener != null)
            {
                _listener.OnEvent(stream, e);
            }
        }

        /// <summary>The agent's state as it is now, to its own stream and its team's.</summary>
        private void EmitState(Agent agent)
        {
            Append(agent.Events, NewEvent(EventKind.StateChanged, agent));
            if (agent.TeamRef != null)
            {
                Append(agent.TeamRef.Events, NewEvent(EventKind.StateChanged, agent));
            }
        }

        private void EmitCall(EventKind kind, Leg leg, CallEndReason reason, string party)
        {
            Call call = leg.Call;
            ServerEvent e = NewEvent(kind, leg.Agent);
            e.CallId = call.Id;
            e.Routed = leg.Routed;
            e.Queue = call.Queue == null ? null : call.Queue.Name;
            e.Ani = call.Ani;
            e.Dnis = call.Dnis;
            e.Party = party;
            e.EndReason = reason;
            Leg consult = leg.OpenConsult;
            e.ConsultTo = consult == null ? null : consult.Agent.Extension;
            e.ConsultConnected = consult != null && consult.Connected;
            e.ConsultFrom = leg.ConsultFor == null ? null : leg.ConsultFor.Agent.Extension;
            if (kind == EventKind.CallOffered)
            {
                Layout layout = call.Queue == null || call.Queue.Layout == null ? Layout.Default : call.Queue.Layout;
                layout.Apply(call.VariableNames, call.VariableValues, e);
            }

            Append(leg.Agent.Events, e);
        }

        private void EmitQueue(Queue queue)
        {
            ServerEvent e = new ServerEvent();
            e.AtMs = _clock.NowMs;
            e.Kind = EventKind.QueueStats;
            e.Queue = queue.Name;
            e.CallsQueued = queue.Waiting.Count;
            Append(queue.Events, e);
        }
    }
}
