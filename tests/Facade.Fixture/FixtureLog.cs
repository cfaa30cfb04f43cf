using System;
using System.IO;

namespace AgentPhone.Facade.Fixture
{
    /// <summary>Appends what ran, in order, to the file named by FACADE_FIXTURE_LOG.</summary>
    internal static class FixtureLog
    {
        public static void Write(string line)
        {
            string path = Environment.GetEnvironmentVariable("FACADE_FIXTURE_LOG");
            if (!string.IsNullOrEmpty(path))
            {
                File.AppendAllText(path, line + "\n");
            }
        }
    }
}
