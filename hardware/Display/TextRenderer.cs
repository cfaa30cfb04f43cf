using System;
using AgentPhone.Hardware;

namespace AgentPhone.Hardware.Display
{
    /// <summary>
    /// Draws a <see cref="CharGrid"/> on a panel with <see cref="Font5x7"/>: only the cells that
    /// changed, each horizontal run of changed cells in one window write. The grid is centred on
    /// the panel. Rows can be shown inverted (the title and softkey bars). No allocation after
    /// construction.
    /// </summary>
    public sealed class TextRenderer
    {
        /// <summary>White and black in RGB565.</summary>
        public const int White = 0xFFFF;
        public const int Black = 0x0000;

        private readonly CharGrid _grid;
        private readonly IDisplay _display;
        private readonly int _cellWidth;
        private readonly int _cellHeight;
        private readonly int _originX;
        private readonly int _originY;
        private readonly int _glyphTop;
        private readonly bool _mono;
        private readonly bool[] _inverted;
        private readonly byte[] _run;

        /// <param name="cellWidth">Pixels per character cell, at least the glyph's 5 (6 leaves a gap).</param>
        /// <param name="cellHeight">At least the glyph's 7; a multiple of 8 on a page-organised (mono) panel.</param>
        public TextRenderer(CharGrid grid, IDisplay display, int cellWidth, int cellHeight)
        {
            if (cellWidth < Font5x7.GlyphWidth || cellHeight < Font5x7.GlyphHeight
                || grid.Columns * cellWidth > display.Width || grid.Rows * cellHeight > display.Height)
            {
                throw new ArgumentException("the grid does not fit the panel");
            }

            _grid = grid;
            _display = display;
            _cellWidth = cellWidth;
            _cellHeight = cellHeight;
            _mono = display.Format == PixelFormat.MonoPages;
            _originX = (display.Width - grid.Columns * cellWidth) / 2;
            _originY = (display.Height - grid.Rows * cellHeight) / 2;
            if (_mono)
            {
                _originY -= _originY % 8;
                if (cellHeight % 8 != 0)
                {
                    throw new ArgumentException("a page-organised panel needs cells a multiple of 8 rows high");
                }
            }

            _glyphTop = (cellHeight - Font5x7.GlyphHeight) / 2;
            _inverted = new bool[grid.Rows];
            // Wide enough for a run across the whole panel, the background fill's band too.
            _run = new byte[BytesFor(display.Width, cellHeight)];
            Foreground = White;
            Background = Black;
        }

        /// <summary>Text colour (RGB565); a mono panel lights the text's pixels.</summary>
        public int Foreground { get; set; }

        public int Background { get; set; }

        /// <summary>Pixel bytes of a whole frame, the measure a render's cost is quoted against.</summary>
        public int FrameBytes
        {
            get { return BytesFor(_display.Width, _display.Height); }
        }

        /// <summary>Shows a row in inverted colours (or normal again); its cells are drawn again.</summary>
        public void SetInverted(int row, bool inverted)
        {
            if (_inverted[row] == inverted)
            {
                return;
            }

            _inverted[row] = inverted;
            for (int column = 0; column < _grid.Columns; column++)
            {
                _grid.Touch(row, column);
            }
        }

        /// <summary>Fills the whole panel with the background, then draws every cell that is not
        /// plain background. Returns the pixel bytes sent.</summary>
        public int Clear()
        {
            FillBackground();
            int sent = FrameBytes;
            for (int row = 0; row < _grid.Rows; row++)
            {
                for (int column = 0; column < _grid.Columns; column++)
                {
                    if (_inverted[row] || _grid[row, column] != ' ')
                    {
                        _grid.Touch(row, column);
                    }
                }
            }

            return sent + Render();
        }

        /// <summary>Draws every dirty cell, a window per run of neighbours in a row, and marks the
        /// grid clean. Returns the pixel bytes sent.</summary>
        public int Render()
        {
            if (_grid.DirtyCount == 0)
            {
                return 0;
            }

            int sent = 0;
            for (int row = 0; row < _grid.Rows; row++)
            {
                int column = 0;
                while (column < _grid.Columns)
                {
                    if (!_grid.IsDirty(row, column))
                    {
                        column++;
                        continue;
                    }

                    int start = column;
                    while (column < _grid.Columns && _grid.IsDirty(row, column))
                    {
                        column++;
                    }

                    sent += DrawRun(row, start, column - start);
                }
            }

            _grid.MarkClean();
            return sent;
        }

        private int DrawRun(int row, int column, int cells)
        {
            int width = cells * _cellWidth;
            int count = _mono ? FillMonoRun(row, column, cells) : FillColorRun(row, column, cells);
            _display.Write(_originX + column * _cellWidth, _originY + row * _cellHeight, width, _cellHeight, _run, count);
            return count;
        }

        private int FillColorRun(int row, int column, int cells)
        {
            bool inverted = _inverted[row];
            int fg = inverted ? Background : Foreground;
            int bg = inverted ? Foreground : Background;
            byte fgHigh = (byte)(fg >> 8), fgLow = (byte)fg, bgHigh = (byte)(bg >> 8), bgLow = (byte)bg;
            int i = 0;
            for (int y = 0; y < _cellHeight; y++)
            {
                int glyphRow = y - _glyphTop;
                for (int cell = 0; cell < cells; cell++)
                {
                    int bits = glyphRow >= 0 && glyphRow < Font5x7.GlyphHeight ? Font5x7.RowBits(_grid[row, column + cell], glyphRow) : 0;
                    for (int x = 0; x < _cellWidth; x++)
                    {
                        bool on = x < Font5x7.GlyphWidth && (bits & (0x10 >> x)) != 0;
                        _run[i++] = on ? fgHigh : bgHigh;
                        _run[i++] = on ? fgLow : bgLow;
                    }
                }
            }

            return i;
        }

        private int FillMonoRun(int row, int column, int cells)
        {
            bool inverted = _inverted[row];
            int i = 0;
            for (int page = 0; page < _cellHeight / 8; page++)
            {
                for (int cell = 0; cell < cells; cell++)
                {
                    char c = _grid[row, column + cell];
                    for (int x = 0; x < _cellWidth; x++)
                    {
                        int b = 0;
                        for (int bit = 0; bit < 8; bit++)
                        {
                            int glyphRow = page * 8 + bit - _glyphTop;
                            if (x < Font5x7.GlyphWidth && glyphRow >= 0 && glyphRow < Font5x7.GlyphHeight
                                && (Font5x7.RowBits(c, glyphRow) & (0x10 >> x)) != 0)
                            {
                                b |= 1 << bit;
                            }
                        }

                        _run[i++] = (byte)(inverted ? ~b : b);
                    }
                }
            }

            return i;
        }

        /// <summary>The panel in background colour, sent in bands as tall as the run buffer allows.</summary>
        private void FillBackground()
        {
            int width = _display.Width;
            int band = _mono ? 8 : _cellHeight;
            int count = BytesFor(width, band);
            byte high = (byte)(Background >> 8), low = (byte)Background;
            for (int i = 0; i < count; i += _mono ? 1 : 2)
            {
                _run[i] = _mono ? (byte)0 : high;
                if (!_mono)
                {
                    _run[i + 1] = low;
                }
            }

            for (int y = 0; y < _display.Height; y += band)
            {
                int h = y + band <= _display.Height ? band : _display.Height - y;
                _display.Write(0, y, width, h, _run, BytesFor(width, h));
            }
        }

        private int BytesFor(int width, int height)
        {
            return _mono ? width * ((height + 7) / 8) : width * height * 2;
        }
    }
}
