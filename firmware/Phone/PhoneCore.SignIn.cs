using AgentPhone.Hardware;
using AgentPhone.Protocol;
using AgentPhone.Protocol.Messages;

namespace AgentPhone.Phone
{
    /// <summary>The idle screen with its feature codes, the login form and One Button Sign In.</summary>
    public sealed partial class PhoneCore
    {
        private const int FieldAgent = 0;
        private const int FieldPassword = 1;
        private const int FieldExtension = 2;
        private static readonly string[] FieldLabels = { "Agent ID: ", "Password: ", "Extension: " };

        // ---- idle and feature codes ----

        private void ShowIdle()
        {
            _view = PhoneView.Idle;
            _screen.Clear();
            if (SignedIn)
            {
                _screen.Title = "Agent " + _status.AgentId;
                _screen.AddLine(_status.Name);
                _screen.SetSoftkeys(KeyAgent, string.Empty, string.Empty, string.Empty);
            }
            else
            {
                _screen.Title = "No User";
                _screen.AddLine("Ext " + _settings.Extension);
                _screen.SetSoftkeys(KeyLogin, string.Empty, string.Empty, string.Empty);
            }

            _screen.AddLine(string.Empty);
            _screen.AddLine(string.Empty); // the code being dialed
            DrawDialLine();
            SetStatusRow();
        }

        private void DrawDialLine()
        {
            string dialed = _dialLength == 0 ? string.Empty : new string(_dial, 0, _dialLength);
            _screen.SetLine(_screen.LineCount - 1, dialed);
            _screen.SetSoftkey(1, _dialLength == 0 ? string.Empty : KeyBack);
            _screen.SetSoftkey(2, _dialLength == 0 ? string.Empty : KeyDial);
        }

        private void ClearDial()
        {
            _dialLength = 0;
        }

        private void IdleKey(Key key)
        {
            char c = KeyNames.ToDialChar(key);
            if (c == '\0')
            {
                if (key == Key.Select && _dialLength > 0)
                {
                    Dial();
                }

                return;
            }

            if (_dialLength < _dial.Length)
            {
                _dial[_dialLength++] = c;
            }

            // *36 and codes ending in # act as soon as they are complete.
            if ((_dialLength == 3 && _dial[0] == '*' && _dial[1] == '3' && _dial[2] == '6')
                || (c == '#' && _dialLength > 1))
            {
                Dial();
                return;
            }

            DrawDialLine();
        }

        /// <summary>The Dial softkey: on the idle screen runs a feature code; elsewhere places the
        /// number typed for a transfer, a conference or an outbound call.</summary>
        private void Dial()
        {
            if (_view == PhoneView.DialEntry)
            {
                PlaceDialEntry(false);
                return;
            }

            string code = new string(_dial, 0, _dialLength);
            ClearDial();
            RunFeatureCode(code);
        }

        /// <summary>
        /// Avaya's feature codes: <c>*35*&lt;agent&gt;*&lt;pin&gt;#</c> signs the agent in here with
        /// its PIN, <c>*36</c> signs out, <c>#&lt;agent&gt;</c> (the short code) signs this phone's
        /// provisioned agent in with the password the server keeps for the phone.
        /// </summary>
        private void RunFeatureCode(string code)
        {
            if (code.Length > 4 && code.Substring(0, 4) == "*35*" && code[code.Length - 1] == '#')
            {
                string rest = code.Substring(4, code.Length - 5);
                int star = rest.IndexOf('*');
                if (star > 0 && star < rest.Length - 1)
                {
                    SignInRequest pinRequest = NewSignIn(rest.Substring(0, star), _settings.Extension);
                    pinRequest.Pin = rest.Substring(star + 1);
                    SignIn(pinRequest);
                    return;
                }
            }
            else if (code == "*36")
            {
                if (SignedIn)
                {
                    SignOut(0);
                }
                else
                {
                    ShowIdle();
                }

                return;
            }
            else if (code.Length > 1 && code[0] == '#')
            {
                string agent = code[code.Length - 1] == '#' ? code.Substring(1, code.Length - 2) : code.Substring(1);
                if (_provisioning != null && _provisioning.PasswordStored
                    && (agent == _provisioning.AgentId || agent == _provisioning.Extension))
                {
                    SignIn(NewSignIn(_provisioning.AgentId, _settings.Extension));
                    return;
                }

                ShowMessage("Feature code", "No short code " + code + " on this phone.", null);
                return;
            }

            ShowMessage("Feature code", "Unknown code " + code, null);
        }

        private SignInRequest NewSignIn(string agentId, string extension)
        {
            SignInRequest request = new SignInRequest();
            request.AgentId = agentId;
            request.Extension = extension;
            request.Device = _settings.DeviceName;
            if (_provisioning != null)
            {
                request.Tenant = _provisioning.Tenant;
            }

            return request;
        }

        // ---- login form ----

        /// <summary>The login form, asking only what provisioning leaves open (One Button Sign
        /// In); with everything provisioned and the password kept by the server, signs in at once.</summary>
        private void ShowLogin()
        {
            string agent = _provisioning == null ? null : _provisioning.AgentId;
            string extension = _provisioning != null && _provisioning.Extension != null ? _provisioning.Extension : null;
            bool passwordStored = _provisioning != null && _provisioning.PasswordStored;

            _fieldAsked[FieldAgent] = agent == null;
            _fieldAsked[FieldPassword] = !passwordStored;
            _fieldAsked[FieldExtension] = extension == null;
            if (!_fieldAsked[FieldAgent] && !_fieldAsked[FieldPassword] && !_fieldAsked[FieldExtension])
            {
                SignIn(NewSignIn(agent, extension));
                return;
            }

            for (int i = 0; i < _loginFields.Length; i++)
            {
                _loginFields[i].Clear();
            }

            _field = FirstAsked();
            _directDigits = false;
            _view = PhoneView.Login;
            _screen.Clear();
            _screen.Title = "Agent Login";
            for (int i = 0; i < _loginFields.Length; i++)
            {
                if (_fieldAsked[i])
                {
                    _screen.AddLine(string.Empty);
                }
            }

            if (!_fieldAsked[FieldAgent]) _screen.AddLine("Agent " + agent);
            if (!_fieldAsked[FieldExtension]) _screen.AddLine("Ext " + extension);
            _screen.SetSoftkeys(KeySubmit, KeyBack, KeyDigits, KeyCancel);
            DrawLoginFields();
        }

        private bool LoginUntouched()
        {
            for (int i = 0; i < _loginFields.Length; i++)
            {
                if (_loginFields[i].Length > 0)
                {
                    return false;
                }
            }

            return true;
        }

        private int FirstAsked()
        {
            for (int i = 0; i < _fieldAsked.Length; i++)
            {
                if (_fieldAsked[i])
                {
                    return i;
                }
            }

            return 0;
        }

        /// <summary>Rows "Agent ID: 70_", "Password: ***", "Extension: ": '_' marks the field being
        /// typed in; the password shows '*' but for the multi-tap character still cycling.</summary>
        private void DrawLoginFields()
        {
            int line = 0;
            for (int i = 0; i < _loginFields.Length; i++)
            {
                if (!_fieldAsked[i])
                {
                    continue;
                }

                MultiTap field = _loginFields[i];
                char[] text = new char[FieldLabels[i].Length + field.Length + 1];
                int n = 0;
                for (int k = 0; k < FieldLabels[i].Length; k++)
                {
                    text[n++] = FieldLabels[i][k];
                }

                for (int k = 0; k < field.Length; k++)
                {
                    bool showPending = field.HasPending && k == field.Length - 1;
                    text[n++] = i == FieldPassword && !showPending ? '*' : field[k];
                }

                text[n++] = i == _field ? '_' : ' ';
                _screen.SetLine(line++, new string(text, 0, n));
            }

            // An extension is digits: its field takes them at the first press, with no switch.
            _screen.SetSoftkey(2, _field == FieldExtension ? string.Empty : _directDigits ? KeyLetters : KeyDigits);
        }

        private void LoginKey(Key key)
        {
            if (key == Key.Up || key == Key.Down)
            {
                _loginFields[_field].Commit();
                int step = key == Key.Down ? 1 : _fieldAsked.Length - 1;
                int next = _field;
                do
                {
                    next = (next + step) % _fieldAsked.Length;
                }
                while (!_fieldAsked[next]);
                _field = next;
            }
            else if (key == Key.Select)
            {
                SubmitLogin();
                return;
            }
            else
            {
                char c = KeyNames.ToDialChar(key);
                if (c >= '0' && c <= '9')
                {
                    if (_directDigits || _field == FieldExtension)
                    {
                        _loginFields[_field].Type(c);
                    }
                    else
                    {
                        _loginFields[_field].Press(c, _clock.NowMs);
                    }
                }
            }

            DrawLoginFields();
        }

        private void Backspace()
        {
            if (_view == PhoneView.Login)
            {
                _loginFields[_field].Backspace();
                DrawLoginFields();
            }
            else if (_view == PhoneView.DialEntry)
            {
                _entry.Backspace();
                DrawDialEntry();
            }
            else if (_view == PhoneView.Idle && _dialLength > 0)
            {
                _dialLength--;
                DrawDialLine();
            }
        }

        /// <summary>The softkey that switches the dial pad between multi-tap letters and plain digits.</summary>
        private void ToggleDirectDigits()
        {
            if (_field == FieldExtension)
            {
                return;
            }

            _loginFields[_field].Commit();
            _directDigits = !_directDigits;
            DrawLoginFields();
        }

        private void SubmitLogin()
        {
            for (int i = 0; i < _loginFields.Length; i++)
            {
                _loginFields[i].Commit();
            }

            string agent = _fieldAsked[FieldAgent] ? _loginFields[FieldAgent].ToString() : _provisioning.AgentId;
            string extension = _fieldAsked[FieldExtension] ? _loginFields[FieldExtension].ToString() : _provisioning.Extension;
            if (agent.Length == 0 || extension.Length == 0 || (_fieldAsked[FieldPassword] && _loginFields[FieldPassword].Length == 0))
            {
                _field = agent.Length == 0 && _fieldAsked[FieldAgent] ? FieldAgent
                    : _fieldAsked[FieldPassword] && _loginFields[FieldPassword].Length == 0 ? FieldPassword : FieldExtension;
                DrawLoginFields();
                _screen.Status = "Fill in every field";
                return;
            }

            SignInRequest request = NewSignIn(agent, extension);
            if (_fieldAsked[FieldPassword])
            {
                request.Password = _loginFields[FieldPassword].ToString();
            }

            SignIn(request);
        }

        // ---- session ----

        private void SignIn(SignInRequest request)
        {
            // The device secret goes along: it is what a sign-in without a password rests on.
            Send(Purpose.SignIn, Methods.Post, Routes.SignIn, request, new SignInResponse(), "Sign in", _settings.DeviceAuthorization, false);
        }

        private void SignInAnswered(PhoneRequest request)
        {
            if (request.Reply == Reply.Refused)
            {
                ShowMessage("Login failed", request.RefusalCode == ErrorCode.BadCredentials ? "Wrong agent ID or password." : request.RefusalMessage, null);
                return;
            }

            if (!Succeeded(request))
            {
                return;
            }

            for (int i = 0; i < _loginFields.Length; i++)
            {
                _loginFields[i].Clear();
            }

            Session((SignInResponse)request.Into);
        }

        /// <summary>The device secret's Authorization while nobody is signed in here and no sign-in
        /// is on its way: the event pump asks with it whether to join an agent signed in at this
        /// station elsewhere. Null for a phone without a secret.</summary>
        public string JoinAuthorization
        {
            get { return SignedIn || _change != null || _joinRefused ? null : _settings.DeviceAuthorization; }
        }

        /// <summary>The server keeps no profile this phone's secret opens: it stops asking to join.</summary>
        public void JoinRefused()
        {
            _joinRefused = true;
        }

        /// <summary>An agent signed in at this phone's station from a desktop: the phone joins the
        /// session, as if signed in here (Genesys's rule).</summary>
        public void Joined(SignInResponse response)
        {
            if (!SignedIn && _change == null && response.Token != null && response.Agent != null)
            {
                Session(response);
            }
        }

        private void Session(SignInResponse response)
        {
            _link.Token = response.Token;
            _serverDown = false;
            Adopt(response.Agent);
            _lastSeq = response.Agent.LastSeq;
            ShowAgentMenu();
        }

        /// <summary>Signs out with a Logout reason (0: none); pending when on a call.</summary>
        private void SignOut(int reasonCode)
        {
            ReasonRequest body = new ReasonRequest();
            body.ReasonCode = reasonCode;
            SendSession(Purpose.SignOut, Methods.Post, Routes.SignOut, body, new AgentStatus(), "Logout");
        }

        private void SignOutAnswered(PhoneRequest request)
        {
            if (!Succeeded(request))
            {
                return;
            }

            AgentStatus status = (AgentStatus)request.Into;
            if (status.State == AgentStates.ToWire(AgentState.Logout))
            {
                SignedOut();
                ShowIdle();
            }
            else
            {
                Adopt(status);
                ShowAfterChange();
            }
        }

        /// <summary>Forgets the session: back to nobody signed in.</summary>
        private void SignedOut()
        {
            _status = null;
            _call = null;
            _link.Token = null;
            _serverDown = false;
            _statusWanted = false;
            // Answers still to come belong to the session that ended.
            _change = null;
            _read = null;
            _reasonLists[0] = _reasonLists[1] = _reasonLists[2] = null;
            if (_ringer.IsRinging)
            {
                _ringer.Stop();
            }
        }
    }
}
