// Mirrors nanoframework/System.IO.Streams at tag v1.1.96 (package nanoFramework.System.IO.Streams
// 1.1.96, assembly System.IO.Streams). Stream is here, not in mscorlib.

namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public abstract bool CanRead { get; }
        public abstract bool CanSeek { get; }
        public abstract bool CanWrite { get; }
        public abstract long Length { get; }
        public abstract long Position { get; set; }
        public virtual void Close() { }
        public void Dispose() { }
        protected virtual void Dispose(bool disposing) { }
        public abstract void Flush();
        public abstract long Seek(long offset, SeekOrigin origin);
        public abstract void SetLength(long value);
        public abstract int Read(SpanByte buffer);
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
    }

    public enum SeekOrigin
    {
        Begin = 0,
        Current = 1,
        End = 2
    }
}
