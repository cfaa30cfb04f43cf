namespace AgentPhone.Host.Tests;

/// <summary>
/// The phone core against the agent server process over real HTTP on 127.0.0.1, with its event
/// long-poll on its own thread as on the device: the typical call with a pending reason, a
/// desktop's change reaching the phone, and a server killed and restarted under the phone.
/// </summary>
[TestClass]
public sealed class PhoneOverHttpTests
{
    [TestMethod]
    public void TheTypicalCallWithAPendingReasonOverHttp()
    {
        using var server = TestCenter.Start();
        using var phone = new LivePhone("SEP000000002101", "2101", server.BaseAddress);
        using Client pbx = server.NewClient();
        // The sample center provisions this phone's extension: the form asks ID and password only.
        phone.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        phone.WaitFor("Agent State: Not Ready");
        phone.Keys("1");
        phone.WaitFor("Agent State: Ready");

        pbx.Offer("Support");
        phone.WaitFor("Caller Data");
        Assert.IsTrue(phone.Ringer.IsRinging);
        StringAssert.Contains(phone.Text(), "Layout: Customer\nANI: 2301\nDNIS: 2101\nFirst name: Ada", "the layout labels the caller data");

        phone.Keys("ANSWER SERVICES 2");
        phone.WaitFor("Not Ready Reason");
        phone.Keys("1");
        phone.WaitFor("Next: Not Ready (Break)");
        StringAssert.Contains(phone.Text(), "Agent State: Talking");

        phone.Keys("HANGUP");
        phone.WaitFor("Agent State: Work");
        StringAssert.Contains(phone.Text(), "Wrap-up:");
    }

    [TestMethod]
    public void ADesktopChangeAndAServerRestartReachThePhoneWithoutANewSignIn()
    {
        using var server = TestCenter.Start();
        using var phone = new LivePhone("SEP000000002101", "2101", server.BaseAddress);
        // The sample center provisions this phone's extension: the form asks ID and password only.
        phone.Keys("SOFT1 SOFT3 7 0 0 1 DOWN 1 2 3 4 SOFT1");
        phone.WaitFor("Agent State: Not Ready");

        using Client desktop = server.NewClient();
        desktop.SignIn("7001", "2101", "DESKTOP-7001");
        desktop.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"READY\"}");
        phone.WaitFor("Agent State: Ready", 2);

        server.Kill();
        server.Start();
        desktop.Ok("PUT", "api/v1/agents/me/state", "{\"state\":\"NOT_READY\",\"reasonCode\":2}");
        phone.WaitFor("Agent State: Not Ready", 15);
        Assert.IsTrue(phone.Core.SignedIn, "the phone kept its session across the restart");
        phone.Keys("1");
        phone.WaitFor("Agent State: Ready");
    }
}
