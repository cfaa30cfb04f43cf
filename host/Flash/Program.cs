using AgentPhone.Flash;

// The repository root: where nf.sln is, above this program's project.
string root = AppContext.BaseDirectory;
while (root.Length > 0 && !File.Exists(Path.Combine(root, "nf.sln")))
{
    root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? "";
}

if (root.Length == 0)
{
    root = Directory.GetCurrentDirectory();
}

return FlashCommand.Run(args, Console.Out, root);
