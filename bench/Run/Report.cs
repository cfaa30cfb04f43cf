using System.Text;

namespace AgentPhone.Bench.Run;

/// <summary>One benchmark's findings: a markdown table, the targets it checks, and notes.</summary>
public sealed class Report(string title, string intro)
{
    private readonly StringBuilder _text = new();
    private readonly List<(string Target, bool Holds, string Why)> _targets = new();

    public string Title => title;

    public bool AllHold => _targets.All(t => t.Holds);

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        _text.AppendLine("| " + string.Join(" | ", header) + " |");
        _text.AppendLine("|" + string.Concat(header.Select(_ => "---|")));
        foreach (string[] row in rows)
        {
            _text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        _text.AppendLine();
    }

    public void Target(string target, bool holds, string why) => _targets.Add((target, holds, why));

    public void Note(string text) => _text.AppendLine(text).AppendLine();

    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"## {title}").AppendLine().AppendLine(intro).AppendLine();
        md.Append(_text);
        foreach (var (target, holds, why) in _targets)
        {
            md.AppendLine($"- {(holds ? "holds" : "MISSED")}: {target} — {why}");
        }

        md.AppendLine();
        return md.ToString();
    }
}
