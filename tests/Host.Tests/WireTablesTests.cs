using System.Text.RegularExpressions;
using AgentPhone.Protocol;

namespace AgentPhone.Host.Tests;

/// <summary>Protocol's wire-name tables mirror their enums by content, not by position, and no
/// other file spells a wire name of theirs as a literal.</summary>
[TestClass]
public sealed class WireTablesTests
{
    public static IEnumerable<object[]> Tables() =>
    [
        [typeof(AgentState), AgentStates.Names],
        [typeof(AgentState), AgentStates.DisplayNames],
        [typeof(LegState), LegStates.Names],
        [typeof(EventKind), EventKinds.Names],
        [typeof(CallEndReason), CallEndReasons.Names],
        [typeof(ReasonKind), ReasonKinds.Names],
        [typeof(ErrorCode), ErrorCodes.Names],
    ];

    [TestMethod]
    [DynamicData(nameof(Tables), DynamicDataSourceType.Method)]
    public void EveryEnumValueHasItsOwnNameInItsTable(Type enumType, NameTable table)
    {
        string[] members = Enum.GetNames(enumType);
        Assert.AreEqual(members.Length, table.Count, enumType.Name + ": one name per value");
        bool display = table == AgentStates.DisplayNames;
        foreach (string member in members)
        {
            int value = (int)Enum.Parse(enumType, member);
            string expected = display ? Words(member) : UpperSnake(member);
            Assert.AreEqual(expected, table.Name(value), $"{enumType.Name}.{member}");
            Assert.AreEqual(display ? -1 : value, display ? -1 : table.ValueOf(expected), $"{enumType.Name}.{member} parses back");
        }
    }

    [TestMethod]
    public void EveryErrorCodeHasAStatusAndAMessage()
    {
        int[] statuses = [200, 400, 401, 403, 404, 405, 408, 409, 413, 414, 429, 431, 502, 503];
        foreach (ErrorCode code in Enum.GetValues<ErrorCode>())
        {
            CollectionAssert.Contains(statuses, ErrorCodes.HttpStatus(code), code.ToString());
            Assert.IsFalse(string.IsNullOrWhiteSpace(ErrorCodes.Message(code)), code.ToString());
            Assert.IsTrue(ErrorCodes.TryParseWire(ErrorCodes.ToWire(code), out ErrorCode back) && back == code, code.ToString());
        }
    }

    [TestMethod]
    public void NoSourceOutsideProtocolSpellsAnErrorCodeOrStateAsALiteral()
    {
        var names = new HashSet<string>(new[] { ErrorCodes.Names, LegStates.Names, AgentStates.Names, EventKinds.Names }
            .SelectMany(t => Enumerable.Range(0, t.Count).Select(t.Name)), StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var (where, line) in SourceLinesOutsideProtocol("firmware", "hardware", "boards", "host", "bench"))
        {
            foreach (Match m in Regex.Matches(line, "\"([A-Z][A-Z_]+)\""))
            {
                if (names.Contains(m.Groups[1].Value))
                {
                    found.Add($"{where}: {m.Value}");
                }
            }
        }

        Assert.AreEqual(0, found.Count, "wire names belong to Protocol's tables:\n" + string.Join("\n", found));
    }

    /// <summary>Paths' last parts and call actions are spelled in Protocol's Routes and CallActions
    /// only: the phone, the server and the hosts name them from there.</summary>
    [TestMethod]
    public void NoSourceOutsideProtocolSpellsARoutePartOrACallAction()
    {
        // A path's part after a slash ("/state", ".../call/"), or a call action on its own ("answer").
        var literal = new Regex("\"[^\"]*/(state|wrapup|events|call|session|hangup)\\b|\"(answer|release|hold|resume|transfer|conference|dial|hangup)\"");
        var found = SourceLinesOutsideProtocol("firmware", "host")
            .Where(l => !l.Line.TrimStart().StartsWith("//", StringComparison.Ordinal) && literal.IsMatch(l.Line))
            .Select(l => $"{l.Where}: {l.Line.Trim()}")
            .ToList();
        Assert.AreEqual(0, found.Count, "route parts and call actions belong to Protocol's Routes and CallActions:\n" + string.Join("\n", found));
    }

    /// <summary>Every line of the C# sources under <paramref name="folders"/>, Protocol's own and
    /// build output left out, with where it stands ("path(line)").</summary>
    private static IEnumerable<(string Where, string Line)> SourceLinesOutsideProtocol(params string[] folders)
    {
        foreach (string folder in folders)
        {
            foreach (string file in Directory.EnumerateFiles(AgentPhone.Build.Tests.Repo.PathOf(folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(AgentPhone.Build.Tests.Repo.Root, file).Replace('\\', '/');
                if (relative.StartsWith("firmware/Protocol/", StringComparison.Ordinal) || relative.Split('/').Any(p => p is "bin" or "obj"))
                {
                    continue;
                }

                string[] lines = File.ReadAllLines(file);
                for (int i = 0; i < lines.Length; i++)
                {
                    yield return ($"{relative}({i + 1})", lines[i]);
                }
            }
        }
    }

    private static string UpperSnake(string member) => Regex.Replace(member, "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();

    private static string Words(string member) => Regex.Replace(member, "(?<=[a-z])(?=[A-Z])", " ");
}

/// <summary>The device's table of hidden characters agrees with .NET's Unicode data.</summary>
[TestClass]
public sealed class HiddenCharactersTests
{
    [TestMethod]
    public void TheHiddenTableIsExactlyTheControlFormatAndSeparatorCharacters()
    {
        var wrong = new List<string>();
        for (int c = 0; c <= 0x10FFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            System.Globalization.UnicodeCategory category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            bool hidden = category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator || c == 0xFFFD;
            string text = "a" + char.ConvertFromUtf32(c) + "b";
            if ((Strings.HiddenAt(text) == 1) != hidden)
            {
                wrong.Add($"U+{c:X4} ({category})");
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join(", ", wrong.Take(20)));
        Assert.AreEqual(1, Strings.HiddenAt("a\uD800b"), "a lone high surrogate");
        Assert.AreEqual(1, Strings.HiddenAt("a\uDC00b"), "a lone low surrogate");
        Assert.AreEqual(-1, Strings.HiddenAt("Ada Lovelace, 2301, Zoë, 😀"));
    }
}
