namespace AgentPhone.Boards
{
    /// <summary>The devboards AgentPhone runs on, and the virtual one the emulator uses. Each
    /// board's data lives in its own folder beside its wiring README.</summary>
    public static partial class BoardCatalog
    {
        // Assigned here, after every part's field initialisers have run.
        static BoardCatalog()
        {
            All = new BoardProfile[] { DevKitCSt7735, M5StackCore, Esp32Ssd1306, Virtual };
        }

        public static BoardProfile[] All { get; private set; }

        /// <summary>The board with this name, or null.</summary>
        public static BoardProfile Find(string name)
        {
            for (int i = 0; i < All.Length; i++)
            {
                if (All[i].Name == name)
                {
                    return All[i];
                }
            }

            return null;
        }
    }
}
