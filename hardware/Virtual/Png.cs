using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace AgentPhone.Hardware.Virtual;

/// <summary>Writes a framebuffer as a PNG (8-bit RGB, no filtering, zlib-compressed), optionally
/// scaled up by whole pixels so a small panel stays sharp in the browser.</summary>
public static class Png
{
    public static byte[] Encode(IFramebuffer frame, int scale = 1)
    {
        int width = frame.Width * scale, height = frame.Height * scale;
        var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + width * 3];
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    int rgb = frame.RgbAt(x / scale, y / scale);
                    row[1 + x * 3] = (byte)(rgb >> 16);
                    row[2 + x * 3] = (byte)(rgb >> 8);
                    row[3 + x * 3] = (byte)rgb;
                }

                zlib.Write(row);
            }
        }

        var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        byte[] typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);

        // The chunk's CRC-32 (the ISO-HDLC one PNG names) covers its type and its data.
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
