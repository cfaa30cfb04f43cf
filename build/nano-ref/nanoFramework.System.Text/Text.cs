// Mirrors nanoframework/System.Text at tag v1.3.42 (package nanoFramework.System.Text 1.3.42,
// assembly nanoFramework.System.Text):
// Encoding and UTF8Encoding live here, not in mscorlib; StringBuilder too.

namespace System.Text
{
    public abstract class Encoding
    {
        public static Encoding UTF8 => throw null;
        public virtual byte[] GetBytes(string s) => throw null;
        public virtual int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex) => throw null;
        public virtual char[] GetChars(byte[] bytes) => throw null;
        public virtual char[] GetChars(byte[] bytes, int byteIndex, int byteCount) => throw null;
        public virtual string GetString(byte[] bytes, int index, int count) => throw null;
    }
}
