namespace nanoFramework.TestFramework;

/// <summary>Test output, as the device's OutputHelper writes it to the test log.</summary>
public static class OutputHelper
{
    public static void WriteLine(string message) => Console.WriteLine(message);

    public static void Write(string message) => Console.Write(message);
}
