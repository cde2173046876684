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

    public static void Error(ProblemResponse problem, bool json)
    {
        if (json)
        {
            Json(problem);
            return;
        }
        var code = problem.Code ?? (problem.Status > 0 ? problem.Status.ToString(CultureInfo.InvariantCulture) : "error");
        Console.Error.WriteLine($"error {code}: {problem.Detail ?? problem.Title}");
        foreach (var issue in problem.Errors ?? [])
        {
            Console.Error.WriteLine($"  {issue.Code} {issue.Path}: {issue.Message}");
        }
    }

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd();
}
