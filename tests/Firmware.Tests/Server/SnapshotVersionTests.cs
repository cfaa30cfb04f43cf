using AgentPhone.Protocol;
using AgentPhone.Server;
using nanoFramework.TestFramework;

namespace AgentPhone.Firmware.Tests.Server
{
    /// <summary>A snapshot written before consults (version 1) still loads: a center upgraded
    /// in place starts from what it had.</summary>
    [TestClass]
    public class SnapshotVersionTests
    {
        // Written by the version before consults: 7001 on hold in a conference with 7003, whose
        // leg rings; a second call waits in Support.
        private const string Version1 =
            "=agentphone-state|1|2|2\n"
            + "4\n"
            + "=|=7002|0|1000000|-1|0|0|-1|~|0|0|0|0|0|0|0|0|0|0|-1|-1|-1|-1|0|0|0|0|=1234|=8765|0\n"
            + "=|=7100|0|1000000|-1|0|0|-1|~|0|0|0|0|0|0|0|0|0|0|-1|-1|-1|-1|0|0|0|0|=1234|~|0\n"
            + "=|=7003|1|1000000|0|32766|~|=Direct call|0|0|-1|=2103|0|0|0|0|0|0|0|0|0|2|-1|-1|-1|-1|1000000|1000000|0|0|=1234|~|0\n"
            + "=|=7001|5|1000000|-1|0|0|-1|=2101|0|0|0|0|0|0|0|0|0|0|-1|-1|-1|-1|1000000|1000000|0|0|=1234|=4321|0\n"
            + "2\n"
            + "=|=Support|0|2|1|0|1|0|1|0|0|0|0|1|0|0|1\n"
            + "=2|=|=Support|0|=2302|=5000|0|0|0|1000000|0|0\n"
            + "=|=Sales|-1|0|0|0|0|0|1|1|0|0|0|0|0|0|0\n"
            + "1\n"
            + "=1|=|=Support|0|=2301|=5000|0|0|2|1000000|1000000|2\n"
            + "=|=7001|1|~|2|1000000|1000000|-1|-1\n"
            + "=|=7003|0|=7001|0|1000000|0|1030000|1\n"
            + "0|0\n"
            + "0|0\n"
            + "4|4\n"
            + "1000000|0|=7003|1|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7003|2|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7003|1|0|32766|~|=Direct call|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|1|=7003|1|0|32766|~|=Direct call|0|0|-1|0|=1|0|=Support|=2301|=5000|=7001|0|=Default|0|0|0\n"
            + "12|12\n"
            + "1000000|0|=7001|1|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|2|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|3|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|1|=7001|3|-1|0|0|-1|0|=1|1|=Support|=2301|=5000|~|0|=Default|0|0|0\n"
            + "1000000|0|=7001|4|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|2|=7001|4|-1|0|0|-1|0|=1|1|=Support|=2301|=5000|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|5|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|3|=7001|5|-1|0|0|-1|0|=1|1|=Support|=2301|=5000|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|4|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|4|=7001|4|-1|0|0|-1|0|=1|1|=Support|=2301|=5000|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|5|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|3|=7001|5|-1|0|0|-1|0|=1|1|=Support|=2301|=5000|~|0|~|-1|-1|0\n"
            + "3|3\n"
            + "1000000|0|=7003|1|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7003|2|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7003|1|0|32766|~|=Direct call|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "7|7\n"
            + "1000000|0|=7001|1|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|2|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|3|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|4|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|5|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|4|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "1000000|0|=7001|5|-1|0|0|-1|0|~|0|~|~|~|~|0|~|-1|-1|0\n"
            + "10|10\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|1\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Support|~|~|~|0|~|-1|-1|1\n"
            + "3|3\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Sales|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Sales|~|~|~|0|~|-1|-1|0\n"
            + "1000000|8|~|0|-1|0|0|-1|0|~|0|=Sales|~|~|~|0|~|-1|-1|0\n";

        [TestMethod]
        public void AVersion1SnapshotLoadsAndGoesOn()
        {
            Center c = new Center();
            c.Server.ReadState(new StateReader(Version1));
            Agent a1 = c.Find("7001");
            Agent a3 = c.Find("7003");
            Expect.State("Hold", a1);
            Assert.AreEqual((int)LegState.Held, (int)a1.Leg.State);
            Assert.AreEqual((int)LegState.Ringing, (int)a3.Leg.State);
            Assert.AreSame(a1.Leg.Call, a3.Leg.Call);
            Assert.IsNull(a3.Leg.ConsultFor, "a conference, not a consult");
            Assert.IsNull(a1.Leg.OpenConsult);
            Assert.AreEqual("CALL_HELD", EventKinds.ToWire(Center.Last(a1.Events).Kind));
            Assert.IsNull(Center.Last(a1.Events).ConsultTo);

            // It goes on: the conference is answered, and the center writes version 2 that reads back.
            Expect.Ok(c.Server.Answer(a3));
            Assert.AreEqual("PARTY_JOINED", EventKinds.ToWire(Center.Last(a1.Events).Kind));
            StateWriter w = new StateWriter();
            c.Server.WriteState(w);
            Center again = new Center();
            again.Server.ReadState(new StateReader(w.ToString()));
            StateWriter w2 = new StateWriter();
            again.Server.WriteState(w2);
            Assert.AreEqual(w.ToString(), w2.ToString());
        }
    }
}
