using AgentPhone.Boards;

namespace AgentPhone.Hardware.Virtual;

/// <summary>
/// A board's buses on the host: the panel is a model of its controller (<see cref="VirtualTft"/>
/// or <see cref="VirtualOled"/>) that turns what the real driver sends into the picture, the
/// buzzer is a <see cref="VirtualTone"/>, pins remember their levels, waits take no time. Keys
/// reach the phone through the emulator's API rather than its keypad pins.
/// </summary>
public sealed class VirtualBoardPorts : IBoardPorts, IDelay
{
    private readonly VirtualPins _pins = new();

    public IGpio Gpio => _pins;

    public IDelay Delay => this;

    /// <summary>The panel, once the driver has opened its bus.</summary>
    public IFramebuffer? Panel { get; private set; }

    public VirtualTone Tone { get; } = new();

    public ISpiBus OpenPanelSpi(BoardProfile board)
    {
        var tft = new VirtualTft(board.PanelWidth, board.PanelHeight, _pins, board.PanelDc);
        Panel = tft;
        return tft;
    }

    public II2cBus OpenI2c(BoardProfile board, int address)
    {
        if (board.Panel == PanelKind.Ssd1306 && address == board.PanelI2cAddress)
        {
            var oled = new VirtualOled();
            Panel = oled;
            return oled;
        }

        return new AbsentDevice();
    }

    public ITone OpenTone(BoardProfile board) => Tone;

    public void Sleep(int milliseconds)
    {
    }

    /// <summary>An I2C address nobody answers (the CardKB: its keys come through the API).</summary>
    private sealed class AbsentDevice : II2cBus
    {
        public bool Write(byte[] buffer, int offset, int count) => false;

        public bool Read(byte[] buffer, int offset, int count) => false;
    }
}

/// <summary>The buzzer on the host: what it plays, for the browser to sound it.</summary>
public sealed class VirtualTone : ITone
{
    private volatile int _frequencyHz;
    private volatile int _volumePercent;

    /// <summary>The tone sounding now, 0 when silent.</summary>
    public int FrequencyHz => _frequencyHz;

    public int VolumePercent => _volumePercent;

    public void Play(int frequencyHz, int volumePercent)
    {
        _volumePercent = volumePercent;
        _frequencyHz = frequencyHz;
    }

    public void Silence() => _frequencyHz = 0;
}
