using System.CommandLine;

namespace AgentPhone;

/// <summary>
/// How the host programs take their command lines, alike: System.CommandLine's parsing and
/// <c>--help</c>; a command line it cannot take prints one line per fault, then the help, and
/// exits with <see cref="BadRequest"/>.
/// </summary>
internal static class CommandLines
{
    public const int BadRequest = 2;

    /// <summary>An option naming a PEM certificate file (the CA a phone checks an https:// server
    /// against); refused unless the file holds one. Its value is the file's name.</summary>
    public static Option<string> CaCertificateOption(string description)
    {
        var option = new Option<string>("--ca-cert") { Description = description };
        option.Validators.Add(r =>
        {
            string? file = r.GetValueOrDefault<string>();
            if (file != null && (!File.Exists(file) || !File.ReadAllText(file).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)))
            {
                r.AddError($"--ca-cert: {file} is not a PEM certificate file.");
            }
        });
        return option;
    }

    public static int Invoke(RootCommand command, string[] args, TextWriter? output = null)
    {
        ParseResult result = command.Parse(args);
        InvocationConfiguration config = Config(output);
        return result.Errors.Count > 0 ? Refuse(command, result, config) : result.Invoke(config);
    }

    public static async Task<int> InvokeAsync(RootCommand command, string[] args)
    {
        ParseResult result = command.Parse(args);
        InvocationConfiguration config = Config(null);
        return result.Errors.Count > 0 ? Refuse(command, result, config) : await result.InvokeAsync(config);
    }

    // The programs stop on Ctrl+C and SIGTERM their own way (Kestrel's lifetime), so the parser
    // does not take those signals over.
    private static InvocationConfiguration Config(TextWriter? output) =>
        new() { Output = output ?? Console.Out, Error = output ?? Console.Error, ProcessTerminationTimeout = null };

    private static int Refuse(RootCommand command, ParseResult result, InvocationConfiguration config)
    {
        foreach (var error in result.Errors)
        {
            config.Error.WriteLine(error.Message);
        }

        config.Error.WriteLine();
        command.Parse("--help").Invoke(new InvocationConfiguration { Output = config.Error });
        return BadRequest;
    }
}
