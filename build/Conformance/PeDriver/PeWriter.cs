// Not part of AgentPhone.Conformance's own build: PeConverter compiles this file together with
// nanoFramework's MetadataProcessor sources (at the pinned tag), and calls it. It does what the
// MetadataProcessor console's -parse and -compile do, as one call that returns the .pe's bytes.
using System.Collections.Generic;
using System.IO;
using Mono.Cecil;
using nanoFramework.Tools.MetadataProcessor;

public static class AgentPhonePeWriter
{
    /// <param name="loadHints">Each referenced assembly's name and its .dll.</param>
    public static byte[] Convert(string assemblyPath, Dictionary<string, string> loadHints, bool isCoreLibrary)
    {
        var reader = new ReaderParameters { AssemblyResolver = new LoadHintsAssemblyResolver(loadHints) };
        using AssemblyDefinition assembly = AssemblyDefinition.ReadAssembly(assemblyPath, reader);
        var builder = new nanoAssemblyBuilder(assembly, new List<string>(), false, isCoreLibrary);

        // Written once to fill the tables, minimized (unused types and members dropped), written again.
        using (var scratch = new BinaryWriter(new MemoryStream()))
        {
            builder.Write(nanoBinaryWriter.CreateLittleEndianBinaryWriter(scratch));
        }

        builder.Minimize();
        var pe = new MemoryStream();
        using (var writer = new BinaryWriter(pe))
        {
            builder.Write(nanoBinaryWriter.CreateLittleEndianBinaryWriter(writer));
        }

        return pe.ToArray();
    }
}
