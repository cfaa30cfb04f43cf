using System.Collections;

namespace AgentPhone.Server
{
    /// <summary>A team: its members, a supervisor's view of them and its event stream.</summary>
    public sealed class Team
    {
        internal readonly ArrayList Members = new ArrayList();

        public Team(string tenant, string name)
        {
            if (name == null || name.Length == 0)
            {
                throw new System.ArgumentException("A team needs a name.");
            }

            Tenant = tenant == null ? string.Empty : tenant;
            Name = name;
        }

        public string Tenant { get; private set; }

        public string Name { get; private set; }

        public EventStream Events { get; internal set; }
    }
}
