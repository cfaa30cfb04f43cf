namespace AgentPhone.Phone
{
    /// <summary>
    /// What the phone shows, before layout: a title, text lines, an optional numbered menu under
    /// them, the agent-state line and up to four softkey labels. The phone core changes it; the
    /// view (<see cref="ScreenView"/>) lays it out on the display's character grid. Moving the
    /// menu selection changes one number, so scrolling allocates nothing.
    /// </summary>
    public sealed class Screen
    {
        public const int MaxLines = 24;
        public const int SoftkeyCount = 4;

        private readonly string[] _lines = new string[MaxLines];
        private readonly string[] _softkeys = new string[SoftkeyCount];

        public Screen()
        {
            Clear();
        }

        public string Title { get; set; }

        /// <summary>The bottom text row, e.g. <c>Agent State: Not Ready</c>.</summary>
        public string Status { get; set; }

        public int LineCount { get; private set; }

        /// <summary>The first body line shown: on a panel with fewer rows than lines, UP and DOWN
        /// scroll a screen without a menu (the view keeps the last page full).</summary>
        public int FirstLine { get; set; }

        public string Line(int index)
        {
            return _lines[index];
        }

        public void AddLine(string text)
        {
            if (LineCount < MaxLines)
            {
                _lines[LineCount++] = text;
            }
        }

        /// <summary>Replaces a line already added (a timer ticking, a value refreshed).</summary>
        public void SetLine(int index, string text)
        {
            _lines[index] = text;
        }

        /// <summary>Menu items (labels), numbered from 1 on screen; null when the screen has no menu.</summary>
        public string[] Menu { get; private set; }

        public int MenuCount { get; private set; }

        public int Selected { get; set; }

        public void SetMenu(string[] items, int count)
        {
            Menu = items;
            MenuCount = count;
            Selected = 0;
        }

        /// <summary>Shown in place of an empty menu (e.g. "No reason codes").</summary>
        public string EmptyMenuText { get; set; }

        public string Softkey(int index)
        {
            return _softkeys[index];
        }

        public void SetSoftkeys(string first, string second, string third, string fourth)
        {
            _softkeys[0] = first;
            _softkeys[1] = second;
            _softkeys[2] = third;
            _softkeys[3] = fourth;
        }

        public void SetSoftkey(int index, string label)
        {
            _softkeys[index] = label;
        }

        public void Clear()
        {
            Title = string.Empty;
            Status = string.Empty;
            for (int i = 0; i < LineCount; i++)
            {
                _lines[i] = null;
            }

            LineCount = 0;
            FirstLine = 0;
            Menu = null;
            MenuCount = 0;
            Selected = 0;
            EmptyMenuText = null;
            SetSoftkeys(string.Empty, string.Empty, string.Empty, string.Empty);
        }
    }
}
