using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    /// <summary>
    /// How a platform opens a board's buses from its data: nanoFramework's peripherals on the
    /// ESP32, recordings and models on the host. The drivers above never see a pin function.
    /// </summary>
    public interface IBoardPorts
    {
        IGpio Gpio { get; }

        IDelay Delay { get; }

        /// <summary>The panel's SPI device (pins routed, chip select on <see cref="BoardProfile.PanelCs"/>).</summary>
        ISpiBus OpenPanelSpi(BoardProfile board);

        /// <summary>A device on the board's I2C bus.</summary>
        II2cBus OpenI2c(BoardProfile board, int address);

        /// <summary>The buzzer or speaker on <see cref="BoardProfile.BuzzerPin"/>.</summary>
        ITone OpenTone(BoardProfile board);
    }
}
