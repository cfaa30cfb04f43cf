namespace AgentPhone.Server
{
    /// <summary>
    /// Checks a password or PIN against what is stored for the agent. The PC host stores salted
    /// hashes and plugs in their check; the single-agent demo on the device uses
    /// <see cref="PlainSecrets"/>.
    /// </summary>
    public interface ISecretVerifier
    {
        /// <summary>Whether <paramref name="given"/> is the secret <paramref name="stored"/> keeps.
        /// With nothing stored (an unknown agent) the check runs against a stand-in of the same
        /// cost and answers false.</summary>
        bool Matches(string stored, string given);
    }

    /// <summary>Secrets stored as typed; compared without stopping at the first difference.</summary>
    public sealed class PlainSecrets : ISecretVerifier
    {
        public bool Matches(string stored, string given)
        {
            if (stored == null || given == null || given.Length == 0)
            {
                return false;
            }

            int difference = stored.Length ^ given.Length;
            for (int i = 0; i < stored.Length; i++)
            {
                difference |= stored[i] ^ given[i < given.Length ? i : 0];
            }

            return difference == 0;
        }
    }
}
