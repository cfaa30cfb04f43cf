using System.Device.Pwm;

namespace AgentPhone.Hardware.Nano
{
    /// <summary><see cref="ITone"/> on a PWM pin driving a passive buzzer.</summary>
    public sealed class NanoTone : ITone
    {
        // Half duty is the loudest a square wave gets; volume scales down from there.
        private const double LoudestDuty = 0.5;

        private readonly PwmChannel _channel;
        private bool _running;

        /// <param name="pin">GPIO of the buzzer (its function is set with <see cref="Esp32Pins.UsePwm"/>).</param>
        public NanoTone(int pin)
        {
            _channel = PwmChannel.CreateFromPin(pin, 1000, 0);
        }

        public void Play(int frequencyHz, int volumePercent)
        {
            _channel.Frequency = frequencyHz;
            _channel.DutyCycle = LoudestDuty * volumePercent / 100;
            if (!_running)
            {
                _channel.Start();
                _running = true;
            }
        }

        public void Silence()
        {
            if (_running)
            {
                _channel.Stop();
                _running = false;
            }
        }
    }
}
