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
        BodyTooLarge,
        ExternalServer,
        ServerDown,
        BadRequest,
        RequestTimeout,
        TooManyRequests,
        StorageFailed,
        UriTooLong,
        HeadersTooLarge,
        ConsultInProgress
    }

    /// <summary>
    /// Wire name, HTTP status and default English message of every <see cref="ErrorCode"/>: one
    /// row each, in the enum's order (checked when the table loads, and by a test over every
    /// value). Statuses: 400 bad input, 401 who are you, 403 not allowed, 404 unknown thing,
    /// 405 wrong method, 408 too slow, 409 not in this state, 413/414/431 HTTP the server cannot
    /// take, 429 locked out, 502 the
    /// server behind did not answer, 503 the server cannot save changes.
    /// </summary>
    public static class ErrorCodes
    {
        private static readonly ErrorRow[] Rows =
        {
            new ErrorRow(ErrorCode.None, "NONE", 200, "OK"),
            new ErrorRow(ErrorCode.InvalidArgument, "INVALID_ARGUMENT", 400, "A field is missing or out of range."),
            new ErrorRow(ErrorCode.UnknownAgent, "UNKNOWN_AGENT", 404, "No such agent."),
            new ErrorRow(ErrorCode.BadCredentials, "BAD_CREDENTIALS", 401, "Wrong agent ID, password or PIN."),
            new ErrorRow(ErrorCode.LockedOut, "LOCKED_OUT", 429, "Too many failed sign-ins. Try again later."),
            new ErrorRow(ErrorCode.AlreadySignedIn, "ALREADY_SIGNED_IN", 409, "The agent is signed in at another extension."),
            new ErrorRow(ErrorCode.ExtensionInUse, "EXTENSION_IN_USE", 409, "Another agent is signed in at this extension."),
            new ErrorRow(ErrorCode.NotSignedIn, "NOT_SIGNED_IN", 409, "The agent is not signed in."),
            new ErrorRow(ErrorCode.InvalidTransition, "INVALID_TRANSITION", 409, "That state cannot be chosen now."),
            new ErrorRow(ErrorCode.ReasonRequired, "REASON_REQUIRED", 400, "A reason code is required."),
            new ErrorRow(ErrorCode.UnknownReason, "UNKNOWN_REASON", 400, "No such reason code for this agent."),
            new ErrorRow(ErrorCode.UnknownQueue, "UNKNOWN_QUEUE", 404, "No such queue."),
            new ErrorRow(ErrorCode.UnknownExtension, "UNKNOWN_EXTENSION", 404, "No agent is signed in at that extension."),
            new ErrorRow(ErrorCode.UnknownCall, "UNKNOWN_CALL", 404, "No such call."),
            new ErrorRow(ErrorCode.NoCall, "NO_CALL", 409, "The agent has no call."),
            new ErrorRow(ErrorCode.CallNotRinging, "CALL_NOT_RINGING", 409, "The call is not ringing."),
            new ErrorRow(ErrorCode.CallNotConnected, "CALL_NOT_CONNECTED", 409, "The call is not connected."),
            new ErrorRow(ErrorCode.Busy, "BUSY", 409, "The agent is busy."),
            new ErrorRow(ErrorCode.TargetNotReady, "TARGET_NOT_READY", 409, "The other agent is not Ready."),
            new ErrorRow(ErrorCode.TooManyVariables, "TOO_MANY_VARIABLES", 400, "A call carries at most 10 variables."),
            new ErrorRow(ErrorCode.NotSupervisor, "NOT_SUPERVISOR", 403, "Only a supervisor may do this."),
            new ErrorRow(ErrorCode.NotInTeam, "NOT_IN_TEAM", 403, "The agent is not in the supervisor's team."),
            new ErrorRow(ErrorCode.Unauthorized, "UNAUTHORIZED", 401, "Sign in first: the session is unknown or has ended."),
            new ErrorRow(ErrorCode.Forbidden, "FORBIDDEN", 403, "This session may not act for that agent."),
            new ErrorRow(ErrorCode.MalformedJson, "MALFORMED_JSON", 400, "The body is not the JSON this route expects."),
            new ErrorRow(ErrorCode.NotFound, "NOT_FOUND", 404, "No such route."),
            new ErrorRow(ErrorCode.MethodNotAllowed, "METHOD_NOT_ALLOWED", 405, "This route does not take that method."),
            new ErrorRow(ErrorCode.BodyTooLarge, "BODY_TOO_LARGE", 413, "The body is too large."),
            new ErrorRow(ErrorCode.ExternalServer, "EXTERNAL_SERVER", 409, "The phones use an external server; ask that server."),
            new ErrorRow(ErrorCode.ServerDown, "SERVER_DOWN", 502, "The agent server did not answer."),
            new ErrorRow(ErrorCode.BadRequest, "BAD_REQUEST", 400, "The request is not well-formed HTTP."),
            new ErrorRow(ErrorCode.RequestTimeout, "REQUEST_TIMEOUT", 408, "The request's body came too slowly."),
            new ErrorRow(ErrorCode.TooManyRequests, "TOO_MANY_REQUESTS", 429, "Too many sign-ins from this address: try again after Retry-After seconds."),
            new ErrorRow(ErrorCode.StorageFailed, "STORAGE_FAILED", 503, "The server cannot save changes now; nothing was changed. Try again shortly."),
            new ErrorRow(ErrorCode.UriTooLong, "URI_TOO_LONG", 414, "The request line is too long."),
            new ErrorRow(ErrorCode.HeadersTooLarge, "HEADERS_TOO_LARGE", 431, "The request's headers are too large."),
            new ErrorRow(ErrorCode.ConsultInProgress, "CONSULT_IN_PROGRESS", 409, "A consult is in progress: transfer, conference or resume the caller first."),
        };

        public static readonly NameTable Names = NamesOf(Rows);

        public static string ToWire(ErrorCode code) => Rows[(int)code].Name;

        public static string Message(ErrorCode code) => Rows[(int)code].Message;

        public static int HttpStatus(ErrorCode code) => Rows[(int)code].Status;

        public static bool TryParseWire(string name, out ErrorCode code)
        {
            int index = Names.ValueOf(name);
            code = (ErrorCode)(index < 0 ? 0 : index);
            return index >= 0;
        }

        private static NameTable NamesOf(ErrorRow[] rows)
        {
            string[] names = new string[rows.Length];
            for (int i = 0; i < rows.Length; i++)
            {
                if ((int)rows[i].Code != i)
                {
                    throw new System.InvalidOperationException("ErrorCodes row " + i.ToString() + " is out of the enum's order");
                }

                names[i] = rows[i].Name;
            }

            return new NameTable(names);
        }

        private sealed class ErrorRow
        {
            public readonly ErrorCode Code;
            public readonly string Name;
            public readonly int Status;
            public readonly string Message;

            public ErrorRow(ErrorCode code, string name, int status, string message)
            {
                Code = code;
                Name = name;
                Status = status;
                Message = message;
            }
        }
    }
}
