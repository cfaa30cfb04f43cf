// Reference declarations of nanoFramework.System.IO.FileSystem 1.1 (System.IO.FileSystem.dll).
// The ESP32's internal flash file system is drive I:.

namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) => throw null;
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode, FileAccess access) { }
        public override int Read(byte[] buffer, int offset, int count) => throw null;
        public override void Write(byte[] buffer, int offset, int count) { }
        public override void Flush() { }
        public override long Length => throw null;
    }

    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3
    }
}
