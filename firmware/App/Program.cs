using System.Diagnostics;
using System.Threading;
using AgentPhone.Boards;
using AgentPhone.Hardware.Nano;
using AgentPhone.Hardware.Ringer;

namespace AgentPhone.App
{
    /// <summary>The nanoFramework entry point: wires the board's hardware to the phone core.</summary>
    public static class Program
    {
        // The DevKitC wiring of boards/: buzzer on GPIO 25.
        private const int BuzzerPin = 25;

        public static void Main()
        {
            BoardProfile board = BoardCatalog.DevKitCSt7735;
            Debug.WriteLine("AgentPhone on " + board.Name + ": " + board.Columns + "x" + board.Rows + " characters");

            NanoClock clock = new NanoClock();
            Esp32Pins.UsePwm(BuzzerPin);
            RingPlayer ringer = new RingPlayer(new NanoTone(BuzzerPin));

            // A short power-on chirp proves buzzer and clock; the phone core takes over from here.
            ringer.Start(Cadence.Direct, clock.NowMs);
            Thread.Sleep(200);
            ringer.Stop();

            Thread.Sleep(Timeout.Infinite);
        }
    }
}
