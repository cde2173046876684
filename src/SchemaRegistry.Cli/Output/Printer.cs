using System.Globalization;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Output;

/// <summary>Human-readable tables by default, the API's JSON with <c>--output json</c>.</summary>
internal static class Printer
{
    private static readonly JsonSerializerOptions Indented = new(RegistryJson.Options) { WriteIndented = true };

    public static void Json<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Indented));

    public static void Schema(SchemaResponse s, bool json)
    {
        if (json)
        {
            Json(s);
            return;
        }
        var rows = new List<string[]>
        {
            new[] { "fqid", s.Fqid + (s.Requested is { } r ? $"  (resolved from {r})" : "") },
            new[] { "state", s.State },
            new[] { "owner", s.Owner },
            new[] { "compatibility", s.Compatibility },
            new[] { "content hash", s.ContentHash },
            new[] { "references", s.References.Count == 0 ? "-" : string.Join(", ", s.References) },
            new[] { "updated", $"{Time(s.UpdatedAt)} by {s.UpdatedBy}" },
        };
        if (s.Description.Length > 0)
        {
            rows.Insert(3, ["description", s.Description]);
        }
        Table(["field", "value"], rows, header: false);
        Console.WriteLine();
        Table(["when", "action", "from", "to", "by", "role", "comment"],
            s.History.Select(h => new[] { Time(h.At), h.Action, h.From ?? "-", h.To, h.Principal, h.Role, h.Comment ?? "" }));
    }

    public static void Table(string[] headers, IEnumerable<string[]> rows, bool header = true)
    {
        var all = rows.ToList();
        var widths = headers.Select((h, i) => Math.Max(header ? h.Length : 0, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        if (header)
        {
            Console.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToArray(), widths));
        }
        foreach (var row in all)
        {
            Console.WriteLine(Line(row, widths));
        }
    }

    /// <summary>
    /// A table whose last column (a reason, free text) wraps at the terminal's width (100 columns when redirected),
    /// its continuation lines aligned under the column.
    /// </summary>
    public static void WrappedTable(string[] headers, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var last = headers.Length - 1;
        var widths = headers.Select((h, i) => i == last ? 0 : Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        var indent = widths.Take(last).Sum() + 2 * last;
        var room = Math.Max(30, TerminalWidth() - indent);
        Console.WriteLine(Line(headers.Select(h => h.ToUpperInvariant()).ToArray(), widths));
        foreach (var row in all)
        {
            var lines = Wrap(row[last], room);
            Console.WriteLine(Line([.. row.Take(last), lines[0]], widths));
            foreach (var more in lines.Skip(1))
            {
                Console.WriteLine(new string(' ', indent) + more);
            }
        }
    }

    /// <summary>Words into lines of at most <paramref name="width"/> characters (a longer word keeps its own line).</summary>
    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        lines.Add(line.ToString());
        return lines;
    }

    private static int TerminalWidth()
    {
        if (Console.IsOutputRedirected)
        {
            return 100;
        }
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }

    public static void Error(ProblemResponse problem, bool json)
    {
        if (json)
        {
            Json(problem);
            return;
        }
        var code = problem.Code ?? (problem.Status > 0 ? problem.Status.ToString(CultureInfo.InvariantCulture) : null);
        var issues = problem.Errors ?? [];
        // A failed check's detail repeats its first finding: then the title heads the findings, each printed once.
        var headline = issues.Any(i => i.Message == problem.Detail) && problem.Title is { Length: > 0 } title ? title : problem.Detail ?? problem.Title;
        Console.Error.WriteLine(code is null ? $"error: {headline}" : $"error {code}: {headline}");
        foreach (var issue in issues)
        {
            Console.Error.WriteLine(Wrap($"  {issue.Code} {issue.Path}: {issue.Message}", "      "));
        }
    }

    /// <summary>Breaks a long line at spaces to <see cref="Width"/> columns, continuing with <paramref name="indent"/>.</summary>
    public static string Wrap(string text, string indent)
    {
        if (text.Length <= Width)
        {
            return text;
        }
        var lines = new List<string>();
        var body = text.TrimStart(' ');
        var line = new System.Text.StringBuilder(text[..(text.Length - body.Length)]);
        var empty = true;
        foreach (var word in body.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(indent);
                empty = true;
            }
            line.Append(empty ? "" : " ").Append(word);
            empty = false;
        }
        lines.Add(line.ToString().TrimEnd());
        return string.Join(Environment.NewLine, lines);
    }

    private const int Width = 100;

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
