namespace AgentPhone.Conformance;

/// <summary>
/// What nanoff deploys to a board (<c>nanoff --deploy --image</c>): the .pe files of the app and
/// of every assembly it loads, mscorlib first, one after another, as nanoFramework's own build
/// writes an application's .bin. Built by the same path on Linux, macOS and Windows, no MSBuild.
/// </summary>
public sealed record DeploymentImage(string File, IReadOnlyList<(string Pe, long Bytes)> Parts)
{
    public const string AppProject = "AgentPhone.App";

    public long Bytes => Parts.Sum(p => p.Bytes);

    /// <summary>Builds the device projects into <paramref name="folder"/> and writes the app's image there.</summary>
    public static DeploymentImage Build(NanoKit kit, string folder)
    {
        DeviceBuild build = kit.BuildDevice(Path.Combine(folder, "pe"));
        IReadOnlyList<string> pes = kit.LoadOrder(build, build.Named(AppProject));
        string file = Path.Combine(folder, AppProject + ".bin");
        using (FileStream image = System.IO.File.Create(file))
        {
            foreach (string pe in pes)
            {
                byte[] bytes = System.IO.File.ReadAllBytes(pe);
                if (bytes.Length % 4 != 0)
                {
                    throw new InvalidOperationException($"{pe} is {bytes.Length} bytes, not a whole number of 4-byte words: each PE of an image starts on a word.");
                }

                image.Write(bytes);
            }
        }

        return new DeploymentImage(file, pes.Select(p => (p, new FileInfo(p).Length)).ToList());
    }
}
