// Reference declarations of nanoFramework.CoreLibrary (mscorlib) 1.17: signatures only, each
// checked against nanoFramework's own sources. Only what AgentPhone's device code (and the
// compiler, for the language features that code uses) needs. Grow it as code needs more;
// never declare what nanoFramework lacks.

namespace System
{
    public class Object
    {
        public Object() { }
        public virtual bool Equals(object obj) => throw null;
        public static bool Equals(object objA, object objB) => throw null;
        public static bool ReferenceEquals(object objA, object objB) => throw null;
        public virtual int GetHashCode() => throw null;
        public Type GetType() => throw null;
        public virtual string ToString() => throw null;
        protected object MemberwiseClone() => throw null;
        ~Object() { }
    }

    public abstract class ValueType
    {
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }

    public abstract class Enum : ValueType
    {
        public override string ToString() => throw null;
    }

    public struct Void { }

    public struct Boolean
    {
        public override string ToString() => throw null;
    }

    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0;
        public override string ToString() => throw null;
    }

    public struct SByte { public override string ToString() => throw null; }

    public struct Byte
    {
        public const byte MaxValue = 255;
        public const byte MinValue = 0;
        public override string ToString() => throw null;
    }

    public struct Int16 { public override string ToString() => throw null; }

    public struct UInt16 { public override string ToString() => throw null; }

    public struct Int32
    {
        public const int MaxValue = 2147483647;
        public const int MinValue = -2147483648;
        public override string ToString() => throw null;
    }

    public struct UInt32 { public override string ToString() => throw null; }

    public struct Int64
    {
        public const long MaxValue = 9223372036854775807;
        public const long MinValue = -9223372036854775808;
        public override string ToString() => throw null;
    }

    public struct UInt64 { public override string ToString() => throw null; }

    public struct Single { public override string ToString() => throw null; }

    public struct Double { public override string ToString() => throw null; }

    public struct IntPtr { }

    public struct UIntPtr { }

    public struct RuntimeTypeHandle { }

    public struct RuntimeFieldHandle { }

    public struct RuntimeMethodHandle { }

    public abstract class Type
    {
        public abstract string Name { get; }
        public abstract string FullName { get; }
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw null;
    }

    public sealed class String
    {
        public static readonly string Empty;
        public String(char[] value) { }
        public String(char[] value, int startIndex, int length) { }
        public String(char c, int count) { }
        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index] => throw null;
        public int Length => throw null;
        public static bool operator ==(string a, string b) => throw null;
        public static bool operator !=(string a, string b) => throw null;
        public override bool Equals(object obj) => throw null;
        public static bool Equals(string a, string b) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
        public static bool IsNullOrEmpty(string value) => throw null;
        public char[] ToCharArray() => throw null;
        public string Substring(int startIndex) => throw null;
        public string Substring(int startIndex, int length) => throw null;
        public int IndexOf(char value) => throw null;
        public int IndexOf(string value) => throw null;
        public string Trim() => throw null;
        public string TrimEnd(params char[] trimChars) => throw null;
        public string[] Split(params char[] separator) => throw null;
        public string ToLower() => throw null;
        public string ToUpper() => throw null;
        public string PadLeft(int totalWidth, char paddingChar = ' ') => throw null;
        public string PadRight(int totalWidth, char paddingChar = ' ') => throw null;
        public static string Concat(object arg0) => throw null;
        public static string Concat(object arg0, object arg1) => throw null;
        public static string Concat(object arg0, object arg1, object arg2) => throw null;
        public static string Concat(params object[] args) => throw null;
        public static string Concat(string str0, string str1) => throw null;
        public static string Concat(string str0, string str1, string str2) => throw null;
        public static string Concat(string str0, string str1, string str2, string str3) => throw null;
        public static string Concat(params string[] values) => throw null;
        public static string Format(string format, params object[] args) => throw null;
    }

    public abstract class Array
    {
        public int Length => throw null;
        public static void Copy(Array sourceArray, int sourceIndex, Array destinationArray, int destinationIndex, int length) { }
        public static void Clear(Array array, int index, int length) { }
    }

    public abstract class Delegate
    {
        public static Delegate Combine(Delegate a, Delegate b) => throw null;
        public static Delegate Remove(Delegate source, Delegate value) => throw null;
    }

    public abstract class MulticastDelegate : Delegate { }

    public delegate void Action();

    public interface IDisposable
    {
        void Dispose();
    }

    [AttributeUsage(AttributeTargets.All, Inherited = true, AllowMultiple = false)]
    public abstract class Attribute
    {
        protected Attribute() { }
    }

    [Flags]
    public enum AttributeTargets
    {
        Assembly = 0x0001,
        Module = 0x0002,
        Class = 0x0004,
        Struct = 0x0008,
        Enum = 0x0010,
        Constructor = 0x0020,
        Method = 0x0040,
        Property = 0x0080,
        Field = 0x0100,
        Event = 0x0200,
        Interface = 0x0400,
        Parameter = 0x0800,
        Delegate = 0x1000,
        ReturnValue = 0x2000,
        GenericParameter = 0x4000,
        All = 0x7FFF
    }

    [AttributeUsage(AttributeTargets.Class, Inherited = true)]
    public sealed class AttributeUsageAttribute : Attribute
    {
        public AttributeUsageAttribute(AttributeTargets validOn) { }
        public bool AllowMultiple { get => throw null; set { } }
        public bool Inherited { get => throw null; set { } }
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
    public sealed class ParamArrayAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Enum, Inherited = false)]
    public class FlagsAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.All, Inherited = false)]
    public sealed class ObsoleteAttribute : Attribute
    {
        public ObsoleteAttribute() { }
        public ObsoleteAttribute(string message) { }
        public ObsoleteAttribute(string message, bool error) { }
    }

    public struct TimeSpan
    {
        public const long TicksPerMillisecond = 10000;
        public const long TicksPerSecond = 10000000;
        public static readonly TimeSpan Zero;
        public TimeSpan(long ticks) { }
        public long Ticks => throw null;
    }

    public struct DateTime
    {
        public static DateTime UtcNow => throw null;
        public long Ticks => throw null;
    }

    /// <summary>A view over part of a byte array; nanoFramework's Span&lt;byte&gt;.</summary>
    public readonly ref struct SpanByte
    {
        public SpanByte(byte[] array) { }
        public SpanByte(byte[] array, int start, int length) { }
        public int Length => throw null;
        public static implicit operator SpanByte(byte[] array) => throw null;
    }

    /// <summary>nanoFramework's Random: on ESP32 targets every call reads the hardware RNG
    /// (esp_random), so seeding does not apply.</summary>
    public class Random
    {
        public Random() { }
        public Random(int seed) { }
        public virtual int Next() => throw null;
        public virtual int Next(int maxValue) => throw null;
        public virtual void NextBytes(byte[] buffer) { }
    }

    public class Exception
    {
        public Exception() { }
        public Exception(string message) { }
        public Exception(string message, Exception innerException) { }
        public virtual string Message => throw null;
        public Exception InnerException => throw null;
    }

    public class SystemException : Exception
    {
        public SystemException() { }
        public SystemException(string message) { }
    }

    public class ArgumentException : SystemException
    {
        public ArgumentException() { }
        public ArgumentException(string message) { }
        public ArgumentException(string message, string paramName) { }
    }

    public class ArgumentNullException : ArgumentException
    {
        public ArgumentNullException() { }
        public ArgumentNullException(string argument) { }
    }

    public class ArgumentOutOfRangeException : ArgumentException
    {
        public ArgumentOutOfRangeException() { }
        public ArgumentOutOfRangeException(string paramName) { }
    }

    public class InvalidOperationException : SystemException
    {
        public InvalidOperationException() { }
        public InvalidOperationException(string message) { }
    }

    public class NotSupportedException : SystemException
    {
        public NotSupportedException() { }
        public NotSupportedException(string message) { }
    }

    public class NotImplementedException : SystemException
    {
        public NotImplementedException() { }
        public NotImplementedException(string message) { }
    }

    public class IndexOutOfRangeException : SystemException
    {
        public IndexOutOfRangeException() { }
    }

    public class ObjectDisposedException : InvalidOperationException
    {
        public ObjectDisposedException() { }
    }
}

namespace System.IO
{
    public abstract class Stream : IDisposable
    {
        public abstract int Read(byte[] buffer, int offset, int count);
        public abstract void Write(byte[] buffer, int offset, int count);
        public abstract long Length { get; }
        public abstract void Flush();
        public virtual void Close() { }
        public void Dispose() { }
    }
}

namespace System.Collections
{
    public interface IEnumerable
    {
        IEnumerator GetEnumerator();
    }

    public interface IEnumerator
    {
        object Current { get; }
        bool MoveNext();
        void Reset();
    }

    public interface ICollection : IEnumerable
    {
        int Count { get; }
        bool IsSynchronized { get; }
        object SyncRoot { get; }
        void CopyTo(System.Array array, int index);
    }

    public interface IList : ICollection
    {
        object this[int index] { get; set; }
        bool IsFixedSize { get; }
        bool IsReadOnly { get; }
        int Add(object value);
        void Clear();
        bool Contains(object value);
        int IndexOf(object value);
        void Insert(int index, object value);
        void Remove(object value);
        void RemoveAt(int index);
    }

    public class ArrayList : IList
    {
        public ArrayList() { }
        public virtual object this[int index] { get => throw null; set { } }
        public virtual int Count => throw null;
        public virtual int Capacity { get => throw null; set { } }
        public virtual bool IsFixedSize => throw null;
        public virtual bool IsReadOnly => throw null;
        public virtual bool IsSynchronized => throw null;
        public virtual object SyncRoot => throw null;
        public virtual int Add(object value) => throw null;
        public virtual void Clear() { }
        public virtual bool Contains(object value) => throw null;
        public virtual void CopyTo(System.Array array, int index) { }
        public virtual IEnumerator GetEnumerator() => throw null;
        public virtual int IndexOf(object value) => throw null;
        public virtual void Insert(int index, object value) { }
        public virtual void Remove(object value) { }
        public virtual void RemoveAt(int index) { }
        public virtual object[] ToArray() => throw null;
    }
}
