using MS = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework;

/// <summary>
/// nanoFramework.TestFramework's Assert (the non-generic overloads of v2), mapped onto MSTest's
/// so that a failure here is a failure in `dotnet test`. Where the device's semantics differ
/// from MSTest's (exact types in IsInstanceOfType and ThrowsException) the device's win.
/// </summary>
public static class Assert
{
    public static void AreEqual(bool expected, bool actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(byte expected, byte actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(char expected, char actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(DateTime expected, DateTime actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(double expected, double actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(float expected, float actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(int expected, int actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(long expected, long actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(object expected, object actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(sbyte expected, sbyte actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(short expected, short actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(string expected, string actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(uint expected, uint actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(ulong expected, ulong actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreEqual(ushort expected, ushort actual, string message = "") => MS.Assert.AreEqual(expected, actual, message);

    public static void AreNotEqual(int notExpected, int actual, string message = "") => MS.Assert.AreNotEqual(notExpected, actual, message);

    public static void AreNotEqual(long notExpected, long actual, string message = "") => MS.Assert.AreNotEqual(notExpected, actual, message);

    public static void AreNotEqual(string notExpected, string actual, string message = "") => MS.Assert.AreNotEqual(notExpected, actual, message);

    public static void AreNotEqual(object notExpected, object actual, string message = "") => MS.Assert.AreNotEqual(notExpected, actual, message);

    public static void IsTrue(bool condition, string message = "") => MS.Assert.IsTrue(condition, message);

    public static void IsFalse(bool condition, string message = "") => MS.Assert.IsFalse(condition, message);

    public static void IsNull(object value, string message = "") => MS.Assert.IsNull(value, message);

    public static void IsNotNull(object value, string message = "") => MS.Assert.IsNotNull(value, message);

    public static void AreSame(object expected, object actual, string message = "") => MS.Assert.AreSame(expected, actual, message);

    public static void AreNotSame(object notExpected, object actual, string message = "") => MS.Assert.AreNotSame(notExpected, actual, message);

    /// <summary>Exact type, as on the device (a derived type fails).</summary>
    public static void IsInstanceOfType(object value, Type expected, string message = "")
    {
        if (value is null || value.GetType() != expected)
        {
            MS.Assert.Fail($"Assert.IsInstanceOfType failed. Expected type:<{expected}>. Actual type:<{value?.GetType()}>. {message}");
        }
    }

    /// <summary>The action must throw exactly <paramref name="exceptionType"/>, as on the device.</summary>
    public static void ThrowsException(Type exceptionType, Action action, string message = "")
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch (Exception e) when (e is not MS.UnitTestAssertException)
        {
            if (e.GetType() == exceptionType)
            {
                return;
            }

            MS.Assert.Fail($"Assert.ThrowsException failed. Threw exception {e.GetType().Name}, but exception {exceptionType.Name} was expected. {message}\nException Message: {e.Message}");
        }

        MS.Assert.Fail($"Assert.ThrowsException failed. No exception thrown. {exceptionType.Name} exception was expected. {message}");
    }

    public static void Contains(string expected, string other, string message = "") => MS.StringAssert.Contains(other, expected, message);

    public static void DoesNotContains(string expected, string other, string message = "")
    {
        if (other is not null && other.Contains(expected, StringComparison.Ordinal))
        {
            MS.Assert.Fail($"Assert.DoesNotContains failed. {other} should not contain {expected}. {message}");
        }
    }

    public static void StartsWith(string expected, string other, string message = "") => MS.StringAssert.StartsWith(other, expected, message);

    public static void EndsWith(string expected, string other, string message = "") => MS.StringAssert.EndsWith(other, expected, message);

    /// <summary>Skips the test (reported as skipped, never as passed).</summary>
    public static void SkipTest(string message = "") => MS.Assert.Inconclusive(message);
}
