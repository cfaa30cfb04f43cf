namespace AgentPhone.Hardware
{
    /// <summary>How a display wants its pixels.</summary>
    public enum PixelFormat
    {
        /// <summary>16-bit colour, two bytes per pixel, high byte first, rows top to bottom.</summary>
        Rgb565 = 0,

        /// <summary>1 bit per pixel in pages of 8 rows: per page, one byte per column, least
        /// significant bit on top (the SSD1306's memory layout). Windows start and end on page edges.</summary>
        MonoPages = 1
    }

    /// <summary>A panel the text renderer draws on: rectangular windows of pixels in the
    /// panel's own format.</summary>
    public interface IDisplay
    {
        /// <summary>Width in pixels, in the orientation in use.</summary>
        int Width { get; }

        int Height { get; }

        PixelFormat Format { get; }

        /// <summary>Resets and wakes the panel (its memory holds whatever it held; the renderer clears it).</summary>
        void Initialize();

        /// <summary>Fills the window at (<paramref name="x"/>, <paramref name="y"/>) of
        /// <paramref name="width"/> by <paramref name="height"/> pixels with the first
        /// <paramref name="count"/> bytes of <paramref name="pixels"/>, in one bulk write.</summary>
        void Write(int x, int y, int width, int height, byte[] pixels, int count);

        /// <summary>Backlight (or, on a self-lit panel, the display itself) on or off.</summary>
        void SetBacklight(bool on);
    }
}
