using AgentPhone.Protocol;
using AgentPhone.Protocol.Json;

namespace AgentPhone.Phone
{
    /// <summary>What a request's answer is for: the phone applies the answer by it.</summary>
    internal enum Purpose
    {
        // Changes: one at a time, shown on the state row while outstanding.
        SignIn = 0,
        SignOut,
        State,
        WrapUpReason,
        CallAction,
        Dial,
        MemberState,

        // Reads.
        Provisioning,
        Reasons,
        Stats,
        Team,
        /// <summary>The agent's status read anew: after a lost event, the server's return, or the agent's Resynchronize.</summary>
        Status
    }

    /// <summary>
    /// One request the phone hands to its <see cref="RequestWorker"/>: made under the phone's lock,
    /// sent outside it, and its answer applied under the lock again. The phone holds at most one
    /// change (a state, a call action, a sign-in) and one read (stats, a list) outstanding.
    /// </summary>
    public sealed class PhoneRequest
    {
        internal Purpose Purpose;
        internal string Method;
        internal string Path;
        /// <summary>The whole Authorization header (the session's or the device's), fixed when made.</summary>
        internal string Authorization;
        /// <summary>The session when made: an answer for a session that has ended since is dropped.</summary>
        internal string Token;
        internal IMessage Body;
        internal IMessage Into;
        /// <summary>What the status row names while the request is outstanding (a state, "Stats").</summary>
        internal string What;
        /// <summary>The screen the agent was on when it was made: a read's answer shows only there.</summary>
        internal PhoneView View;
        /// <summary>For the answer's handler: a reason kind, a call action, whether to show the outcome.</summary>
        internal int Arg;
        internal string Action;
        /// <summary>Taken by the worker (in flight).</summary>
        internal bool Taken;

        /// <summary>How it went; set by the worker.</summary>
        public Reply Reply;
        public ErrorCode RefusalCode;
        public string RefusalMessage;

        internal static bool IsReadPurpose(Purpose purpose)
        {
            return purpose >= Purpose.Provisioning;
        }
    }
}
