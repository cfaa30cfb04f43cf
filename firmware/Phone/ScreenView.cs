using AgentPhone.Hardware;

namespace AgentPhone.Phone
{
    /// <summary>
    /// Lays a <see cref="Screen"/> out on the display's character grid: the title row (time, date,
    /// the phone's extension), the screen's title, its lines and menu, the agent-state row and
    /// the softkey row. Menus page to keep the selection in view; everything is cut to the width.
    /// Writes characters straight into the grid, so a redraw allocates nothing and only cells
    /// that change become dirty.
    /// </summary>
    public static class ScreenView
    {
        /// <summary>Rows the layout needs besides the body: clock, title, state, softkeys.</summary>
        public const int FixedRows = 4;

        /// <summary>Body rows of a grid: what lines and menu share.</summary>
        public static int BodyRows(CharGrid grid)
        {
            return grid.Rows - FixedRows;
        }

        public static void Draw(Screen screen, CharGrid grid, long localMs, string extension)
        {
            int width = grid.Columns;
            DrawClockRow(grid, localMs, extension);
            WriteRow(grid, 1, screen.Title);

            int bodyRows = BodyRows(grid);
            int row = 2;
            int lines = screen.LineCount < bodyRows ? screen.LineCount : bodyRows;
            int top = screen.FirstLine < screen.LineCount - lines ? screen.FirstLine : screen.LineCount - lines;
            for (int i = 0; i < lines; i++)
            {
                WriteRow(grid, row++, screen.Line(top + i));
            }

            int menuRows = bodyRows - lines;
            if (screen.Menu != null && menuRows > 0)
            {
                if (screen.MenuCount == 0)
                {
                    WriteRow(grid, row++, screen.EmptyMenuText);
                    menuRows--;
                }
                else
                {
                    int first = (screen.Selected / menuRows) * menuRows;
                    for (int i = 0; i < menuRows && first + i < screen.MenuCount; i++)
                    {
                        DrawMenuItem(grid, row++, first + i, screen.Menu[first + i], first + i == screen.Selected);
                    }
                }
            }

            while (row < 2 + bodyRows)
            {
                WriteRow(grid, row++, null);
            }

            WriteRow(grid, grid.Rows - 2, screen.Status);
            DrawSoftkeys(grid, screen, width);
        }

        /// <summary>"14:23 07/10/01" on the left, the extension on the right.</summary>
        private static void DrawClockRow(CharGrid grid, long localMs, string extension)
        {
            long minutes = localMs / 60000;
            int minuteOfDay = (int)(minutes % 1440);
            long days = minutes / 1440;
            int year, month, day;
            CivilDate(days, out year, out month, out day);

            int c = 0;
            c = PutTwo(grid, 0, c, minuteOfDay / 60);
            grid.Put(0, c++, ':');
            c = PutTwo(grid, 0, c, minuteOfDay % 60);
            grid.Put(0, c++, ' ');
            c = PutTwo(grid, 0, c, month);
            grid.Put(0, c++, '/');
            c = PutTwo(grid, 0, c, day);
            grid.Put(0, c++, '/');
            c = PutTwo(grid, 0, c, year % 100);

            int extLength = extension == null ? 0 : extension.Length;
            int extStart = grid.Columns - extLength;
            if (extStart <= c)
            {
                extStart = c + 1;
            }

            for (int col = c; col < grid.Columns; col++)
            {
                int e = col - extStart;
                grid.Put(0, col, e >= 0 && e < extLength ? extension[e] : ' ');
            }
        }

        /// <summary>Days since 1970-01-01 to a Gregorian date (the era arithmetic of proleptic
        /// Gregorian calendars: 400-year cycles of 146097 days, years starting in March).</summary>
        internal static void CivilDate(long days, out int year, out int month, out int day)
        {
            long z = days + 719468;
            long era = (z >= 0 ? z : z - 146096) / 146097;
            long dayOfEra = z - era * 146097;
            long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
            long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
            long monthIndex = (5 * dayOfYear + 2) / 153;
            day = (int)(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
            month = (int)(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
            year = (int)(yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        }

        private static int PutTwo(CharGrid grid, int row, int column, int value)
        {
            if (column + 1 < grid.Columns)
            {
                grid.Put(row, column, (char)('0' + value / 10 % 10));
                grid.Put(row, column + 1, (char)('0' + value % 10));
            }

            return column + 2;
        }

        /// <summary>"&gt;12 Lunch" for the selected item, " 12 Lunch" for the others.</summary>
        private static void DrawMenuItem(CharGrid grid, int row, int index, string label, bool selected)
        {
            int number = index + 1;
            int c = 0;
            grid.Put(row, c++, selected ? '>' : ' ');
            if (number >= 100)
            {
                grid.Put(row, c++, (char)('0' + number / 100));
            }

            if (number >= 10)
            {
                grid.Put(row, c++, (char)('0' + number / 10 % 10));
            }

            grid.Put(row, c++, (char)('0' + number % 10));
            grid.Put(row, c++, ' ');
            int length = label == null ? 0 : label.Length;
            for (int i = 0; c < grid.Columns; i++, c++)
            {
                grid.Put(row, c, i < length ? label[i] : ' ');
            }
        }

        // Short forms of the softkey labels, for slots too narrow for the word (the 21-column
        // SSD1306 has four letters a key): a label is never cut mid-word where one of these fits.
        private static readonly string[] ShortForms =
        {
            "Select", "Sel", "Submit", "Go", "Cancel", "Back", "Answer", "Ans", "Release", "End",
            "Resume", "Resm", "Update", "Upd", "Stats", "Stat", "Login", "Log", "Agent", "Agnt",
            "Consult", "Cnsl",
        };

        /// <summary>Four equal slots; each label in its slot less one column of gap, as a short
        /// form when the word does not fit (else cut).</summary>
        private static void DrawSoftkeys(CharGrid grid, Screen screen, int width)
        {
            int row = grid.Rows - 1;
            int slot = width / Screen.SoftkeyCount;
            string label = null;
            for (int c = 0; c < width; c++)
            {
                int key = c / slot;
                int offset = c - key * slot;
                if (offset == 0)
                {
                    // Once a slot: the short-form lookup is not repeated for every column.
                    label = key < Screen.SoftkeyCount ? Fit(screen.Softkey(key), slot - 1) : null;
                }

                int length = label == null ? 0 : label.Length;
                grid.Put(row, c, offset < slot - 1 && offset < length ? label[offset] : ' ');
            }
        }

        private static string Fit(string label, int room)
        {
            if (label == null || label.Length <= room)
            {
                return label;
            }

            for (int i = 0; i < ShortForms.Length; i += 2)
            {
                if (ShortForms[i] == label && ShortForms[i + 1].Length <= room)
                {
                    return ShortForms[i + 1];
                }
            }

            return label;
        }

        private static void WriteRow(CharGrid grid, int row, string text)
        {
            int length = text == null ? 0 : text.Length;
            for (int c = 0; c < grid.Columns; c++)
            {
                grid.Put(row, c, c < length ? text[c] : ' ');
            }
        }
    }
}
