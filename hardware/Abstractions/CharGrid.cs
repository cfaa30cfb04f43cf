namespace AgentPhone.Hardware
{
    /// <summary>
    /// The character cells the phone's screen is drawn in, with a dirty flag per cell so the
    /// renderer sends only the cells that changed. Writing the same character again leaves
    /// the cell clean. No allocation after construction.
    /// </summary>
    public sealed class CharGrid
    {
        private readonly char[] _cells;
        private readonly bool[] _dirty;
        private int _dirtyCount;

        public CharGrid(int columns, int rows)
        {
            Columns = columns;
            Rows = rows;
            _cells = new char[columns * rows];
            _dirty = new bool[columns * rows];
            for (int i = 0; i < _cells.Length; i++)
            {
                _cells[i] = ' ';
            }
        }

        public int Columns { get; private set; }

        public int Rows { get; private set; }

        /// <summary>How many cells changed since the last <see cref="MarkClean"/>.</summary>
        public int DirtyCount
        {
            get { return _dirtyCount; }
        }

        public char this[int row, int column]
        {
            get { return _cells[row * Columns + column]; }
        }

        public bool IsDirty(int row, int column)
        {
            return _dirty[row * Columns + column];
        }

        public void Put(int row, int column, char c)
        {
            int i = row * Columns + column;
            if (_cells[i] == c)
            {
                return;
            }

            _cells[i] = c;
            Touch(row, column);
        }

        /// <summary>
        /// Writes a whole row: <paramref name="text"/> from the left edge, cut to the width,
        /// the rest of the row blanked.
        /// </summary>
        public void WriteRow(int row, string text)
        {
            int length = text == null ? 0 : text.Length;
            for (int column = 0; column < Columns; column++)
            {
                Put(row, column, column < length ? text[column] : ' ');
            }
        }

        /// <summary>Marks a cell to be drawn again although it did not change (the panel lost it,
        /// or its colours changed).</summary>
        public void Touch(int row, int column)
        {
            int i = row * Columns + column;
            if (!_dirty[i])
            {
                _dirty[i] = true;
                _dirtyCount++;
            }
        }

        /// <summary>The renderer calls this once it has drawn every dirty cell.</summary>
        public void MarkClean()
        {
            for (int i = 0; i < _dirty.Length; i++)
            {
                _dirty[i] = false;
            }

            _dirtyCount = 0;
        }
    }
}
