using AgentPhone.Hardware;

namespace AgentPhone.Boards
{
    public static partial class BoardCatalog
    {
        /// <summary>The emulator's phone: an ILI9342C-sized 320x240 panel whose SPI traffic the
        /// emulator decodes into the picture it shows, and every key of the phone on screen.</summary>
        public static readonly BoardProfile Virtual = new BoardProfile
        {
            Name = "virtual",
            Description = "The emulator's phone: a 320x240 panel in the browser",
            Panel = PanelKind.Ili9342C,
            PanelWidth = 320,
            PanelHeight = 240,
            CellWidth = 6,
            CellHeight = 10,
            PanelDc = 16,
        };
    }
}
