using System.Text;
using System.Text.RegularExpressions;

namespace SchemaRegistry.EndToEnd.Tests.Harness;

/// <summary>
/// The README's "Quickstart" section as a test reads it. Its fenced blocks say what they are in the info string:
/// <c>```json file=NAME</c> (and any language with <c>file=NAME</c>) is a file the reader creates; <c>```bash serve</c>
/// starts the registry (the test starts the same command itself, on a free port); <c>```bash setup</c> defines the
/// <c>schemareg</c> command (the test binds it to the built binary instead); every other <c>```bash</c> block is run
/// command by command, in order. A command's trailing <c># exit N</c> is the exit code it must end with; else 0.
/// </summary>
public sealed partial class ReadmeQuickstart
{
    public const string Heading = "## Quickstart";

    public List<(string Name, string Content)> Files { get; } = [];

    public List<string> ServeBlocks { get; } = [];

    public List<(string Text, int ExpectedExit)> Commands { get; } = [];

    public static string ReadmePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "README.md")) && File.Exists(Path.Combine(dir.FullName, "SchemaRegistry.sln")))
            {
                return Path.Combine(dir.FullName, "README.md");
            }
        }
        throw new InvalidOperationException($"No checkout above {AppContext.BaseDirectory}.");
    }

    public static ReadmeQuickstart Parse(string readme)
    {
        var lines = readme.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, Heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"The README has no \"{Heading}\" section.");
        }
        var quickstart = new ReadmeQuickstart();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }
            var info = lines[i][3..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var body = new List<string>();
            for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++)
            {
                body.Add(lines[i]);
            }
            quickstart.Add(info, body);
        }
        return quickstart;
    }

    private void Add(string[] info, List<string> body)
    {
        if (info.FirstOrDefault(w => w.StartsWith("file=", StringComparison.Ordinal)) is { } file)
        {
            Files.Add((file["file=".Length..], string.Join('\n', body) + "\n"));
        }
        else if (info.FirstOrDefault() is "bash" or "sh")
        {
            if (info.Contains("serve"))
            {
                ServeBlocks.Add(string.Join('\n', body));
            }
            else if (!info.Contains("setup"))
            {
                Commands.AddRange(SplitCommands(body));
            }
        }
    }

    /// <summary>Lines into commands: a command goes on while a line ends with a backslash or leaves a quote open.</summary>
    private static IEnumerable<(string, int)> SplitCommands(List<string> body)
    {
        var command = new StringBuilder();
        foreach (var line in body)
        {
            if (command.Length == 0 && (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')))
            {
                continue;
            }
            command.Append(line).Append('\n');
            var text = command.ToString();
            if (line.EndsWith('\\') || text.Count(c => c == '\'') % 2 == 1 || text.Count(c => c == '"') % 2 == 1)
            {
                continue;
            }
            var expected = ExpectedExit().Match(line) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            yield return (text.TrimEnd('\n'), expected);
            command.Clear();
        }
        if (command.Length > 0)
        {
            throw new InvalidOperationException($"An unterminated command in the quickstart: {command}");
        }
    }

    /// <summary>
    /// One bash script running every command in order, in one shell (variables carry over), stopping at the first
    /// command that does not end with its expected code and saying which.
    /// </summary>
    public string Script()
    {
        var script = new StringBuilder();
        script.Append("schemareg() { dotnet \"$SCHEMAREG_DLL\" \"$@\"; }\n");
        for (var i = 0; i < Commands.Count; i++)
        {
            var (text, expected) = Commands[i];
            var quoted = "'" + text.Split('\n')[0].Replace("'", "'\\''", StringComparison.Ordinal) + "'";
            script.Append(text).Append('\n');
            script.Append($"__rc=$?; if [ \"$__rc\" != \"{expected}\" ]; then printf 'QUICKSTART FAILED: command {i + 1} exited %s, not {expected}: %s\\n' \"$__rc\" {quoted} >&2; exit 90; fi\n");
            script.Append($"echo 'QUICKSTART OK {i + 1}' >&2\n");
        }
        return script.ToString();
    }

    [GeneratedRegex(@"\s#\s*exit\s+(\d+)\b")]
    private static partial Regex ExpectedExit();
}
