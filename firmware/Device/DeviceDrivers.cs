using System;
using AgentPhone.Boards;
using AgentPhone.Hardware;
using AgentPhone.Hardware.Display;
using AgentPhone.Hardware.Keypad;
using AgentPhone.Hardware.Ringer;

namespace AgentPhone.Device
{
    /// <summary>A board's drivers, chosen by its data and opened on a platform's ports.</summary>
    public static class DeviceDrivers
    {
        public static IDisplay OpenPanel(BoardProfile board, IBoardPorts ports)
        {
            IDisplay panel;
            if (board.Panel == PanelKind.Ssd1306)
            {
                panel = new Ssd1306(ports.OpenI2c(board, board.PanelI2cAddress), ports.Delay, board.PanelRotation);
            }
            else
            {
                DcsPanelModel model = board.Panel == PanelKind.St7735 ? DcsPanelModel.St7735
                    : board.Panel == PanelKind.Ili9341 ? DcsPanelModel.Ili9341
                    : DcsPanelModel.Ili9342C;
                panel = new DcsPanel(model, board.PanelRotation, board.PanelInverted, ports.OpenPanelSpi(board), ports.Gpio, ports.Delay,
                    board.PanelDc, board.PanelReset, board.PanelBacklight);
            }

            if (panel.Width != board.PanelWidth || panel.Height != board.PanelHeight)
            {
                throw new ArgumentException(board.Name + ": the panel at this rotation is " + panel.Width + "x" + panel.Height);
            }

            return panel;
        }

        /// <summary>The board's matrix and buttons, and its CardKB if it has one.</summary>
        public static IKeypad[] OpenKeypads(BoardProfile board, IBoardPorts ports)
        {
            IKeypad scanner = new KeyScanner(ports.Gpio, board.RowPins, board.ColumnPins, board.MatrixKeys,
                board.ButtonPins, board.ButtonKeys, board.ButtonPullUps);
            if (!board.CardKb)
            {
                return new IKeypad[] { scanner };
            }

            return new IKeypad[] { scanner, new CardKb(ports.OpenI2c(board, CardKb.Address)) };
        }

        public static PhoneRinger OpenRinger(BoardProfile board, IBoardPorts ports, IClock clock, int volumeStep)
        {
            return new PhoneRinger(ports.OpenTone(board), clock, volumeStep < 0 ? board.RingVolumeStep : volumeStep);
        }
    }
}
