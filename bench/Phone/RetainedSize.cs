using System.Reflection;
using System.Runtime.CompilerServices;

namespace AgentPhone.Bench.Phone;

/// <summary>
/// The bytes of the objects reachable from a root, as the 64-bit .NET heap lays them out (an
/// object: 16 bytes of header and type pointer, then its fields, 8-byte aligned, 24 at least;
/// an array: 24 bytes, then its elements; a string: 22 bytes plus two per character). Counting
/// the graph, rather than reading the heap's total, gives the same figure on every run.
/// </summary>
public sealed class RetainedSize
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private readonly HashSet<object> _seen = new(ReferenceEqualityComparer.Instance);

    /// <summary>Marks everything reachable from <paramref name="root"/> as counted elsewhere.</summary>
    public void Exclude(object root) => Walk(root);

    /// <summary>Bytes reachable from <paramref name="root"/> and not counted before.</summary>
    public long Of(object root) => Walk(root);

    /// <summary>Bytes reachable from the static fields of every type in <paramref name="assemblies"/>.</summary>
    public long OfStatics(IEnumerable<Assembly> assemblies)
    {
        long total = 0;
        foreach (Type type in assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters))
        {
            RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            foreach (FieldInfo f in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (!f.IsLiteral && !f.FieldType.IsPointer && f.GetValue(null) is { } value)
                {
                    total += Walk(value);
                }
            }
        }

        return total;
    }

    private long Walk(object root)
    {
        long total = 0;
        var pending = new Stack<object>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            object o = pending.Pop();
            Type type = o.GetType();
            if (type.IsPointer || o is Type or Thread or MemberInfo || !_seen.Add(o))
            {
                continue;
            }

            total += SizeOf(o, type);
            if (o is Array array)
            {
                if (!type.GetElementType()!.IsPrimitive)
                {
                    foreach (object? item in array)
                    {
                        Push(pending, item);
                    }
                }
            }
            else if (o is not string)
            {
                for (Type? t = type; t != null; t = t.BaseType)
                {
                    foreach (FieldInfo f in t.GetFields(Instance | BindingFlags.DeclaredOnly))
                    {
                        if (!f.FieldType.IsPrimitive && !f.FieldType.IsPointer)
                        {
                            Push(pending, f.GetValue(o));
                        }
                    }
                }
            }
        }

        return total;
    }

    private static void Push(Stack<object> pending, object? value)
    {
        if (value != null)
        {
            pending.Push(value);
        }
    }

    private static long SizeOf(object o, Type type)
    {
        if (o is string s)
        {
            return Align(22 + 2L * s.Length);
        }

        if (o is Array array)
        {
            Type element = type.GetElementType()!;
            return Align(24 + array.LongLength * (element.IsValueType ? FieldBytes(element) : 8));
        }

        if (type.IsValueType)
        {
            return Align(16 + FieldBytes(type)); // boxed
        }

        long fields = 0;
        for (Type? t = type; t != null; t = t.BaseType)
        {
            fields += t.GetFields(Instance | BindingFlags.DeclaredOnly).Sum(f => f.FieldType.IsValueType ? FieldBytes(f.FieldType) : 8);
        }

        return Math.Max(24, Align(16 + fields));
    }

    private static long FieldBytes(Type t) =>
        t.IsEnum ? FieldBytes(Enum.GetUnderlyingType(t))
        : t == typeof(bool) || t == typeof(byte) || t == typeof(sbyte) ? 1
        : t == typeof(char) || t == typeof(short) || t == typeof(ushort) ? 2
        : t == typeof(int) || t == typeof(uint) || t == typeof(float) ? 4
        : t.IsPrimitive ? 8
        : t.GetFields(Instance).Sum(f => f.FieldType.IsValueType ? FieldBytes(f.FieldType) : 8);

    private static long Align(long bytes) => (bytes + 7) & ~7L;
}
