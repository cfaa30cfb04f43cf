using AgentPhone.Bench.Phone;
using AgentPhone.Device;
using AgentPhone.Hardware;
using AgentPhone.Phone;
using AgentPhone.Server.Api;

namespace AgentPhone.Bench.Run;

/// <summary>One request of the phone's, as the phone core made it, and the step of the day it belongs to.</summary>
public sealed record ScriptedRequest(string Step, string Method, string Path, string? Body);

/// <summary>
/// The requests a real phone makes over the typical day, recorded from the phone core itself
/// (keys in, against the demo center in process): sign-in, Ready, a queue call with caller data
/// answered and released, the timed wrap-up's end, Skill Stats, Not Ready with a reason, logout
/// with a reason. The event long-poll is left out: it is the phone's other, constant request.
/// The load benchmark's phones replay these requests, so the server is measured against what
/// phones really send.
/// </summary>
public static class PhoneScript
{
    private const string Base = "http://demo";
    private const string Device = "SEP000000002101";

    public static IReadOnlyList<ScriptedRequest> Record()
    {
        var clock = new BenchClock();
        var demo = new DemoCenter(clock, new BenchTokens(), Device);
        var recorder = new Recorder(new LocalHttp(demo.Service, Base));
        var settings = new PhoneSettings { DeviceName = Device, Servers = [Base], DeviceSecret = demo.DeviceSecret };
        var phone = new InlinePhone(settings, recorder, clock, 21);
        var pump = new EventPump(phone.Core, phone.Lock, recorder, clock);
        phone.Start();

        void Keys(string step, params Key[] keys)
        {
            recorder.Step = step;
            foreach (Key key in keys)
            {
                phone.Press(key);
            }
        }

        void Events(string step, int afterMs)
        {
            recorder.Step = step;
            clock.NowMs += afterMs;
            demo.Service.Tick();
            pump.PollOnce(0);
            phone.Answer();
        }

        // The demo provisions the agent: the form asks for the password alone.
        Keys("sign-in", Key.Soft1, Key.Soft3, Key.D1, Key.D2, Key.D3, Key.D4, Key.Soft1);
        Keys("ready", Key.D1);
        if (demo.OfferCall() != 201)
        {
            throw new InvalidOperationException("the demo center did not offer its call");
        }

        Events("offered", 0);
        Keys("answer", Key.Answer);
        Events("answered", 0);
        Events("talking", 30_000);
        Keys("release", Key.Hangup);
        Events("released", 0);
        Events("wrap-up ends", 11_000);
        Keys("stats", Key.Soft2, Key.Soft4);
        Keys("not-ready", Key.D1, Key.D1);
        Keys("logout", Key.D3, Key.D1);
        if (phone.Core.SignedIn)
        {
            throw new InvalidOperationException("the recorded day did not end signed out");
        }

        return recorder.Requests;
    }

    /// <summary>Passes every request on, and notes those that are not the event long-poll.</summary>
    private sealed class Recorder(IHttp inner) : IHttp
    {
        public string Step = "";

        public List<ScriptedRequest> Requests { get; } = [];

        public int Send(string method, string url, string authorization, string body, int timeoutMs, out string responseBody)
        {
            string path = url.Substring(Base.Length + 1);
            if (!path.Contains("/events?", StringComparison.Ordinal))
            {
                Requests.Add(new ScriptedRequest(Step, method, path, body));
            }

            return inner.Send(method, url, authorization, body, timeoutMs, out responseBody);
        }
    }
}
