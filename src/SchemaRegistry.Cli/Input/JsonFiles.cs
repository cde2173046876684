using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaRegistry.Cli.Commands;

namespace SchemaRegistry.Cli.Input;

/// <summary>
/// JSON files the user gives the CLI. A syntax error names the file, the 1-based line and column, and what is wrong
/// in JSON's words; the reader's own message (0-based positions, "Change the reader options") is for programmers.
/// </summary>
internal static partial class JsonFiles
{
    /// <summary>The file's text, checked to be one JSON document.</summary>
    public static string ReadText(FileInfo file)
    {
        var text = Read(file);
        using var _ = Parse(file.ToString(), text);
        return text;
    }

    public static JsonDocument Parse(FileInfo file) => Parse(file.ToString(), Read(file));

    public static JsonDocument Parse(string name, string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new InputException(Describe(name, text, e));
        }
    }

    /// <summary><c>FILE:LINE:COLUMN: invalid JSON: what is wrong</c>.</summary>
    public static string Describe(string name, string text, JsonException e)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lines = text.Split('\n');
        var lineText = line < lines.Length ? lines[line] : "";
        var bytes = Encoding.UTF8.GetBytes(lineText);
        var column = Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(e.BytePositionInLine ?? 0, bytes.Length)) + 1;
        return $"{name}:{line + 1}:{column}: invalid JSON: {What(e.Message)}";
    }

    private static string Read(FileInfo file)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new InputException($"{file} does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{file} cannot be read: {e.Message}");
        }
    }

    private static string What(string message)
    {
        var text = Position().Replace(message, "").Replace(" Change the reader options.", "", StringComparison.Ordinal).Trim();
        if (text.Contains("trailing comma", StringComparison.Ordinal))
        {
            return text.Contains("array", StringComparison.Ordinal)
                ? "a comma before ']': JSON allows no trailing comma."
                : "a comma before '}': JSON allows no trailing comma.";
        }
        if (text.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the file ends inside an object or array: a '}' or ']' is missing.";
        }
        if (text.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "the file holds no JSON value (it is empty or only spaces).";
        }
        if (text.Contains("omments", StringComparison.Ordinal))
        {
            return "comments are not allowed in JSON.";
        }
        if (InvalidStart().Match(text) is { Success: true } start)
        {
            var token = start.Groups[1].Value;
            return token == "'" ? "a single quote cannot start a value: JSON strings take double quotes (\")." : $"'{token}' cannot start a value.";
        }
        if (AfterValue().Match(text) is { Success: true } after)
        {
            return $"'{after.Groups[1].Value}' after a value: expected ',' or the closing '}}' or ']' (a comma missing?).";
        }
        if (text.StartsWith("Expected a ',' or '}' after a property value", StringComparison.Ordinal))
        {
            return "expected ',' or '}' after a member's value (a comma missing?).";
        }
        return text.Length == 0 ? "not JSON." : char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"^'(.+)' is an invalid start of a value\.", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex InvalidStart();

    [GeneratedRegex(@"^'(.+)' is invalid after a value\.", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex AfterValue();
}
