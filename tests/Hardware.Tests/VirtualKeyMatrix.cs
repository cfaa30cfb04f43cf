using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Tests
{
    /// <summary>
    /// A key matrix as the wires behave: a pressed key joins its row and column, a column reads
    /// low when any path of pressed keys leads from it to a row driven low (so three keys at the
    /// corners of a rectangle make the fourth read down, as on a real matrix without diodes).
    /// Direct buttons read low while held. Bounce is scripted by pressing and releasing in turn.
    /// </summary>
    internal sealed class VirtualKeyMatrix : IGpio
    {
        private readonly int[] _rows;
        private readonly int[] _columns;
        private readonly bool[] _pressed;
        private readonly bool[] _output = new bool[64];
        private readonly bool[] _level = new bool[64];
        private readonly bool[] _buttonDown = new bool[64];

        public VirtualKeyMatrix(int[] rows, int[] columns)
        {
            _rows = rows;
            _columns = columns;
            _pressed = new bool[rows.Length * columns.Length];
        }

        public void Set(int row, int column, bool down)
        {
            _pressed[row * _columns.Length + column] = down;
        }

        public void SetButton(int pin, bool down)
        {
            _buttonDown[pin] = down;
        }

        public void SetOutput(int pin)
        {
            _output[pin] = true;
        }

        public void SetInput(int pin, bool pullUp)
        {
            _output[pin] = false;
        }

        public void Write(int pin, bool high)
        {
            _level[pin] = high;
        }

        public bool Read(int pin)
        {
            if (_buttonDown[pin])
            {
                return false;
            }

            int column = IndexOf(_columns, pin);
            if (column < 0)
            {
                return true;
            }

            // Walk the graph of pressed keys from this column; low if it reaches a driven-low row.
            bool[] seenRows = new bool[_rows.Length];
            bool[] seenColumns = new bool[_columns.Length];
            return !Reaches(column, seenRows, seenColumns);
        }

        private bool Reaches(int column, bool[] seenRows, bool[] seenColumns)
        {
            seenColumns[column] = true;
            for (int r = 0; r < _rows.Length; r++)
            {
                if (seenRows[r] || !_pressed[r * _columns.Length + column])
                {
                    continue;
                }

                seenRows[r] = true;
                if (_output[_rows[r]] && !_level[_rows[r]])
                {
                    return true;
                }

                for (int c = 0; c < _columns.Length; c++)
                {
                    if (!seenColumns[c] && _pressed[r * _columns.Length + c] && Reaches(c, seenRows, seenColumns))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static int IndexOf(int[] pins, int pin)
        {
            for (int i = 0; i < pins.Length; i++)
            {
                if (pins[i] == pin)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
