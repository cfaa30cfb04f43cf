namespace AgentPhone.Protocol
{
    /// <summary>
    /// Why a request was refused. The server core returns these; the HTTP hosts send them as
    /// <c>{"error":{"code":…}}</c>; the phone turns them into messages.
    /// </summary>
    public enum ErrorCode
    {
        None = 0,
        InvalidArgument,
        UnknownAgent,
        BadCredentials,
        LockedOut,
        AlreadySignedIn,
        ExtensionInUse,
        NotSignedIn,
        InvalidTransition,
        ReasonRequired,
        UnknownReason,
        UnknownQueue,
        UnknownExtension,
        UnknownCall,
        NoCall,
        CallNotRinging,
        CallNotConnected,
        Busy,
        TargetNotReady,
        TooManyVariables,
        NotSupervisor,
        NotInTeam,
        Unauthorized,
        Forbidden,
        MalformedJson,
        NotFound,
        MethodNotAllowed,
        BodyTooLarge
    }

    /// <summary>Wire names and default English messages of <see cref="ErrorCode"/>.</summary>
    public static class ErrorCodes
    {
        private static readonly string[] Names =
        {
            "NONE", "INVALID_ARGUMENT", "UNKNOWN_AGENT", "BAD_CREDENTIALS", "LOCKED_OUT",
            "ALREADY_SIGNED_IN", "EXTENSION_IN_USE", "NOT_SIGNED_IN", "INVALID_TRANSITION",
            "REASON_REQUIRED", "UNKNOWN_REASON", "UNKNOWN_QUEUE", "UNKNOWN_EXTENSION",
            "UNKNOWN_CALL", "NO_CALL", "CALL_NOT_RINGING", "CALL_NOT_CONNECTED", "BUSY",
            "TARGET_NOT_READY", "TOO_MANY_VARIABLES", "NOT_SUPERVISOR", "NOT_IN_TEAM",
            "UNAUTHORIZED", "FORBIDDEN", "MALFORMED_JSON", "NOT_FOUND", "METHOD_NOT_ALLOWED",
            "BODY_TOO_LARGE"
        };

        private static readonly string[] Messages =
        {
            "OK",
            "A field is missing or out of range.",
            "No such agent.",
            "Wrong agent ID, password or PIN.",
            "Too many failed sign-ins. Try again later.",
            "The agent is signed in at another extension.",
            "Another agent is signed in at this extension.",
            "The agent is not signed in.",
            "That state cannot be chosen now.",
            "A reason code is required.",
            "No such reason code for this agent.",
            "No such queue.",
            "No agent is signed in at that extension.",
            "No such call.",
            "The agent has no call.",
            "The call is not ringing.",
            "The call is not connected.",
            "The agent is busy.",
            "The other agent is not Ready.",
            "A call carries at most 10 variables.",
            "Only a supervisor may do this.",
            "The agent is not in the supervisor's team.",
            "Sign in first: the session is unknown or has ended.",
            "This session may not act for that agent.",
            "The body is not the JSON this route expects.",
            "No such route.",
            "This route does not take that method.",
            "The body is too large."
        };

        // HTTP status of each code, same order.
        private static readonly int[] Statuses =
        {
            200, 400, 404, 401, 429, 409, 409, 409, 409, 400, 400, 404, 404, 404, 409, 409, 409, 409,
            409, 400, 403, 403, 401, 403, 400, 404, 405, 413
        };

        public static string ToWire(ErrorCode code)
        {
            return Names[(int)code];
        }

        public static string Message(ErrorCode code)
        {
            return Messages[(int)code];
        }

        /// <summary>The HTTP status the hosts answer with: 400 bad input, 401 who are you, 403 not
        /// allowed, 404 unknown thing, 409 not in this state, 413 too large, 429 locked out.</summary>
        public static int HttpStatus(ErrorCode code)
        {
            return Statuses[(int)code];
        }

        public static bool TryParseWire(string name, out ErrorCode code)
        {
            int index = WireNames.IndexOf(Names, name);
            code = index < 0 ? ErrorCode.None : (ErrorCode)index;
            return index >= 0;
        }
    }
}
