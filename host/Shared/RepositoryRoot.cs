namespace AgentPhone;

/// <summary>The repository a host program runs from: the folder above it that holds nf.sln,
/// or the current directory when the program was copied elsewhere.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        string dir = AppContext.BaseDirectory;
        while (dir.Length > 0 && !File.Exists(Path.Combine(dir, "nf.sln")))
        {
            dir = Path.GetDirectoryName(dir.TrimEnd(Path.DirectorySeparatorChar)) ?? "";
        }

        return dir.Length > 0 ? dir : Directory.GetCurrentDirectory();
    }
}
