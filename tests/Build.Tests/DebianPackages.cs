namespace AgentPhone.Build.Tests;

/// <summary>A real component for a test (host/Shared/Components.cs): inconclusive where it
/// cannot be had (not Debian), a failure when its install fails.</summary>
internal static class DebianPackages
{
    public static string Require(string package, string program)
    {
        try
        {
            return DebianPackage.Require(package, program);
        }
        catch (ComponentMissingException e)
        {
            Assert.Inconclusive(e.Message + " It is needed to run this test.");
            throw;
        }
        catch (InvalidOperationException e)
        {
            Assert.Fail(e.Message);
            throw;
        }
    }
}
