namespace AgentPhone.Boards
{
    /// <summary>
    /// A devboard as data: its panel and the character grid the phone lays its screen out on.
    /// Boards differ in these values only, never in code paths.
    /// </summary>
    public sealed class BoardProfile
    {
        public BoardProfile(string name, string description, int panelWidth, int panelHeight, int cellWidth, int cellHeight)
        {
            Name = name;
            Description = description;
            PanelWidth = panelWidth;
            PanelHeight = panelHeight;
            CellWidth = cellWidth;
            CellHeight = cellHeight;
        }

        /// <summary>The id used on the command line (flash --board, emulator --board).</summary>
        public string Name { get; private set; }

        public string Description { get; private set; }

        /// <summary>Panel size in pixels, in the orientation the phone uses.</summary>
        public int PanelWidth { get; private set; }

        public int PanelHeight { get; private set; }

        /// <summary>Font cell size in pixels.</summary>
        public int CellWidth { get; private set; }

        public int CellHeight { get; private set; }

        public int Columns
        {
            get { return PanelWidth / CellWidth; }
        }

        public int Rows
        {
            get { return PanelHeight / CellHeight; }
        }
    }
}
