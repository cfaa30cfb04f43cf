using System.Collections;
using AgentPhone.Protocol;

namespace AgentPhone.Server
{
    /// <summary>
    /// Reason codes of one tenant for Not Ready, Logout and Wrap-up, global or per team, and
    /// whether each list is required. A phone lists at most <see cref="MaxListed"/> of them.
    /// </summary>
    public sealed class ReasonCatalog
    {
        public const int MaxListed = 100;

        private readonly ArrayList _codes = new ArrayList();
        private readonly bool[] _required = new bool[ReasonKinds.Names.Count];

        public bool IsRequired(ReasonKind kind)
        {
            return _required[(int)kind];
        }

        public void SetRequired(ReasonKind kind, bool required)
        {
            _required[(int)kind] = required;
        }

        /// <summary>Adds a code; a code number is unique within its list and team scope.</summary>
        public void Add(ReasonCode code)
        {
            if (code == null || code.Label == null || code.Label.Length == 0)
            {
                throw new System.ArgumentException("A reason code needs a label.");
            }

            if (Contains(code.Kind, code.Code, code.Team))
            {
                throw new System.ArgumentException("Duplicate reason code " + code.Code);
            }

            _codes.Add(code);
        }

        /// <summary>Whether the list already has this code number in this team scope (null: global).</summary>
        public bool Contains(ReasonKind kind, int code, string team)
        {
            return Exact(kind, code, team) != null;
        }

        /// <summary>The code with this number in exactly this team scope (null: global), or null.</summary>
        public ReasonCode Exact(ReasonKind kind, int code, string team)
        {
            for (int i = 0; i < _codes.Count; i++)
            {
                ReasonCode other = (ReasonCode)_codes[i];
                if (other.Kind == kind && other.Code == code && other.Team == team)
                {
                    return other;
                }
            }

            return null;
        }

        /// <summary>Whether an agent of <paramref name="team"/> has any code of this kind to pick.</summary>
        public bool Any(ReasonKind kind, string team)
        {
            for (int i = 0; i < _codes.Count; i++)
            {
                if (Applies((ReasonCode)_codes[i], kind, team))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The codes an agent of <paramref name="team"/> may pick, global and team ones in
        /// the order they were added, at most <see cref="MaxListed"/>.</summary>
        public ReasonCode[] Applicable(ReasonKind kind, string team)
        {
            int n = 0;
            for (int i = 0; i < _codes.Count && n < MaxListed; i++)
            {
                if (Applies((ReasonCode)_codes[i], kind, team))
                {
                    n++;
                }
            }

            ReasonCode[] list = new ReasonCode[n];
            n = 0;
            for (int i = 0; i < _codes.Count && n < list.Length; i++)
            {
                ReasonCode code = (ReasonCode)_codes[i];
                if (Applies(code, kind, team))
                {
                    list[n++] = code;
                }
            }

            return list;
        }

        /// <summary>The applicable code with this number (a team code before a global one), or null.</summary>
        public ReasonCode Find(ReasonKind kind, string team, int number)
        {
            ReasonCode global = null;
            for (int i = 0; i < _codes.Count; i++)
            {
                ReasonCode code = (ReasonCode)_codes[i];
                if (code.Code == number && Applies(code, kind, team))
                {
                    if (code.Team != null)
                    {
                        return code;
                    }

                    global = code;
                }
            }

            return global;
        }

        private static bool Applies(ReasonCode code, ReasonKind kind, string team)
        {
            return code.Kind == kind && (code.Team == null || code.Team == team);
        }
    }
}
