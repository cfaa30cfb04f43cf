namespace AgentPhone.Conformance;

/// <summary>
/// nanoFramework's runtime (nanoCLR) as a program of this machine: nf-interpreter's POSIX host
/// target at the pinned commit, built with cmake, ninja and g++ (installed from Debian's packages
/// when missing), once per set of pins.
/// <para>On x86_64 Linux it is built 32-bit, like an ESP32: heap blocks of 12 bytes, references of
/// 4, so what a test allocates and what the phone keeps measure as on the device. Where this
/// machine cannot run 32-bit programs, qemu-user runs it. Elsewhere (macOS, arm64) it is built
/// for the machine's own 64 bits.</para>
/// <para>The project's own changes to the runtime's sources, applied to a copy: the managed heap's
/// size is read from <see cref="HeapVariable"/> (the POSIX target fixes it at 10 MB, where an
/// ESP32 without PSRAM has about 100 KB); a POSIX host skips the structure-size checks meant for
/// embedded targets (they refuse a 32-bit host build); and the two 64-bit defects at the pinned
/// commit are fixed (the inline buffer's size, and a heap compaction's offset truncated to 32
/// bits), so a 64-bit build does not decide a result either.</para>
/// </summary>
public sealed class NanoRuntime
{
    /// <summary>The environment variable the patched runtime takes its managed heap's size from, in bytes.</summary>
    public const string HeapVariable = "NANOCLR_HEAP_BYTES";

    private NanoRuntime(string harness, string? emulator, bool is32Bit)
    {
        Harness = harness;
        Emulator = emulator;
        Is32Bit = is32Bit;
    }

    /// <summary>The runtime's harness, which loads .pe files and runs their entry point.</summary>
    public string Harness { get; }

    /// <summary>qemu-user's program when this machine cannot run the 32-bit harness itself.</summary>
    public string? Emulator { get; }

    public bool Is32Bit { get; }

    private static bool Build32 => OperatingSystem.IsLinux() && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.X64;

    /// <summary>The runtime, built when missing.</summary>
    public static NanoRuntime Build(NanoSources sources)
    {
        string folder = sources.Made("clr");
        string harness = Path.Combine(folder, "build", "bin", "nanoFramework.nanoCLR.test");
        using (NanoSources.Lock(folder + ".lock"))
        {
            Tools();
            if (!File.Exists(harness))
            {
                Compile(sources, folder);
            }

            return new NanoRuntime(harness, Build32 && !Runs32BitPrograms(folder) ? Qemu() : null, Build32);
        }
    }

    /// <summary>The command line that runs the harness with <paramref name="arguments"/>.</summary>
    public (string Program, string Arguments) Command(string arguments) =>
        Emulator == null ? (Harness, arguments) : (Emulator, $"-L / \"{Harness}\" {arguments}");

    private static void Tools()
    {
        foreach (var (package, program) in new[] { ("cmake", "/usr/bin/cmake"), ("ninja-build", "/usr/bin/ninja"), ("g++", "/usr/bin/g++") })
        {
            if (OperatingSystem.IsLinux() && !File.Exists(program))
            {
                DebianPackage.Require(package, program);
            }
        }
    }

    private static void Compile(NanoSources sources, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        string tree = Path.Combine(folder, "tree");
        string original = sources.Tree(sources.Pins.OfRepository("nf-interpreter"));
        foreach (string part in new[] { "src", "targets" })
        {
            Copy(Path.Combine(original, part), Path.Combine(tree, part));
        }

        Patch(tree);
        string flags = string.Empty;
        if (Build32)
        {
            if (!CanCompile32(folder))
            {
                DebianPackage.Install("g++-multilib", "the runtime is built 32-bit, like an ESP32, and g++ cannot make 32-bit programs");
            }

            flags = " -DCMAKE_C_FLAGS=-m32 -DCMAKE_CXX_FLAGS=-m32 -DCMAKE_EXE_LINKER_FLAGS=-m32 -DCMAKE_SHARED_LINKER_FLAGS=-m32";
        }

        string build = Path.Combine(folder, "build");
        foreach (string args in new[]
        {
            $"-S \"{Path.Combine(tree, "targets", "posix")}\" -B \"{build}\" -G Ninja -DCMAKE_BUILD_TYPE=Release" + flags,
            $"--build \"{build}\"",
        })
        {
            var (exit, output) = NanoSources.Run("cmake", args, folder, TimeSpan.FromMinutes(30));
            if (exit != 0)
            {
                throw new InvalidOperationException($"Building nanoCLR failed (cmake {args}, exit {exit}):\n{Tail(output)}");
            }
        }
    }

    // Each change names the text it replaces; a pin whose sources moved on fails here, loudly.
    private static void Patch(string tree)
    {
        Replace(Path.Combine(tree, "targets/posix/nanoCLR/Memory.cpp"),
            "constexpr size_t c_DefaultHeapSizeBytes = 10 * 1024 * 1024;",
            $"const size_t c_DefaultHeapSizeBytes = std::getenv(\"{HeapVariable}\") != nullptr ? std::strtoul(std::getenv(\"{HeapVariable}\"), nullptr, 10) : 10 * 1024 * 1024;");
        Replace(Path.Combine(tree, "src/CLR/Include/nanoCLR_Runtime.h"),
            "#if defined(PLATFORM_POSIX_HOST) && defined(__LP64__)",
            "#if defined(PLATFORM_POSIX_HOST)");
        Replace(Path.Combine(tree, "src/CLR/Core/CLR_RT_RuntimeMemory.cpp"),
            "#define INLINE_SIZE_BYTES           (8 * sizeof(int *) + sizeof(int))",
            "#define INLINE_SIZE_BYTES           (8 * sizeof(int *) + sizeof(int *))");
        Replace(Path.Combine(tree, "src/CLR/Include/nanoCLR_Runtime.h"),
            "#ifdef _WIN64\n        CLR_UINT64 m_offset;",
            "#if defined(_WIN64) || defined(__LP64__)\n        CLR_UINT64 m_offset;");
        Replace(Path.Combine(tree, "src/CLR/Core/GarbageCollector_Compaction.cpp"),
            "#ifdef _WIN64\n                relocCurrent->m_offset = (CLR_UINT64)",
            "#if defined(_WIN64) || defined(__LP64__)\n                relocCurrent->m_offset = (CLR_UINT64)");
        Replace(Path.Combine(tree, "src/CLR/Core/GarbageCollector_Compaction.cpp"),
            "#ifdef _WIN64\n    reloc->m_offset = (CLR_UINT64)",
            "#if defined(_WIN64) || defined(__LP64__)\n    reloc->m_offset = (CLR_UINT64)");
    }

    private static void Replace(string file, string from, string to)
    {
        string text = File.ReadAllText(file).Replace("\r\n", "\n");
        if (!text.Contains(from, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{file} no longer holds the text the project changes ({from.Split('\n')[0]}): review the change for this pin.");
        }

        File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static bool CanCompile32(string folder) => Probe(folder, run: false);

    private static bool Runs32BitPrograms(string folder) => Probe(folder, run: true);

    // A trivial 32-bit C++ program: does it compile (and run) here?
    private static bool Probe(string folder, bool run)
    {
        string probe = Path.Combine(folder, "probe32");
        Directory.CreateDirectory(probe);
        File.WriteAllText(Path.Combine(probe, "p.cpp"), "#include <string>\nint main() { return std::string(\"ok\").size() == 2 ? 0 : 1; }\n");
        var built = NanoSources.Run("g++", "-m32 -o p p.cpp", probe, TimeSpan.FromMinutes(2));
        if (built.ExitCode != 0)
        {
            return false;
        }

        if (!run)
        {
            return true;
        }

        try
        {
            return NanoSources.Run(Path.Combine(probe, "p"), string.Empty, probe, TimeSpan.FromMinutes(1)).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;   // Exec format error: this kernel runs no 32-bit programs
        }
    }

    private static string Qemu() => DebianPackage.Require("qemu-user", "/usr/bin/qemu-i386");

    private static void Copy(string from, string to)
    {
        foreach (string dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        }

        Directory.CreateDirectory(to);
        foreach (string file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
        }
    }

    private static string Tail(string output) => string.Join("\n", output.Split('\n').TakeLast(40));
}
