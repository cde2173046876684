using System.Text.Json;
using SchemaRegistry.JsonSchema.Formats;
using SchemaRegistry.JsonSchema.Regexes;

namespace SchemaRegistry.JsonSchema.Tests.Formats;

/// <summary>
/// Runs the official suite's optional format tests (schema <c>{"format": X}</c>, string data) against
/// <see cref="FormatCheckers"/>, and its ECMA-262 regex tests against <see cref="EcmaRegex"/>.
/// </summary>
public sealed class SuiteFormatTests
{
    private static readonly string[] Drafts = ["draft2020-12", "draft7"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    public static TheoryData<string, string, string> FormatCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var draft in Drafts)
        {
            foreach (var file in FormatSuite.FilesUnder($"{draft}/optional/format", "*.json"))
            {
                foreach (var group in FormatSuite.Load(file).EnumerateArray())
                {
                    if (!IsFormatOnly(group.GetProperty("schema")))
                    {
                        continue;
                    }
                    foreach (var test in group.GetProperty("tests").EnumerateArray())
                    {
                        if (test.GetProperty("data").ValueKind == JsonValueKind.String)
                        {
                            data.Add(file, group.GetProperty("description").GetString()!, test.GetProperty("description").GetString()!);
                        }
                    }
                }
            }
        }
        return data;
    }

    public static TheoryData<string, string, string> PatternCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var draft in Drafts)
        {
            foreach (var name in new[] { "ecmascript-regex.json", "non-bmp-regex.json" })
            {
                var file = $"{draft}/optional/{name}";
                if (!File.Exists(Path.Combine(FormatSuite.Root, "tests", file)))
                {
                    continue;
                }
                foreach (var group in FormatSuite.Load(file).EnumerateArray())
                {
                    var schema = group.GetProperty("schema");
                    foreach (var test in group.GetProperty("tests").EnumerateArray())
                    {
                        var kind = test.GetProperty("data").ValueKind;
                        if ((kind == JsonValueKind.String && IsPatternOnly(schema)) || (kind == JsonValueKind.Object && IsPatternPropertiesOnly(schema)))
                        {
                            data.Add(file, group.GetProperty("description").GetString()!, test.GetProperty("description").GetString()!);
                        }
                    }
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatCases))]
    public void Format_checker_agrees_with_the_suite(string file, string description, string testDescription)
    {
        var (schema, test) = FormatSuite.Find(file, description, testDescription);
        var format = schema.GetProperty("format").GetString()!;
        var value = test.GetProperty("data").GetString()!;
        var valid = test.GetProperty("valid").GetBoolean();

        var checker = FormatCheckers.Get(format);
        if (checker is null)
        {
            Assert.True(valid, $"'{format}' is not a known format, so it is only an annotation and every string is valid; the suite expects {valid}.");
            return;
        }
        Assert.True(checker(value) == valid, $"format '{format}' on {JsonSerializer.Serialize(value)}: expected valid={valid}.");
    }

    [Theory]
    [MemberData(nameof(PatternCases))]
    public void Ecma_regex_agrees_with_the_suite(string file, string description, string testDescription)
    {
        var (schema, test) = FormatSuite.Find(file, description, testDescription);
        var data = test.GetProperty("data");
        var valid = test.GetProperty("valid").GetBoolean();

        if (schema.TryGetProperty("pattern", out var pattern))
        {
            var regex = EcmaRegex.Compile(pattern.GetString()!, Timeout);
            Assert.True(regex.IsMatch(data.GetString()!) == valid, $"/{pattern.GetString()}/u on {data.GetRawText()}: expected match={valid}.");
            return;
        }

        // patternProperties: a matching name's value must satisfy the subschema; with additionalProperties false a
        // name that matches no pattern makes the instance invalid.
        var closed = schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
        var patterns = schema.GetProperty("patternProperties").EnumerateObject()
            .Select(p => (Regex: EcmaRegex.Compile(p.Name, Timeout), Schema: p.Value))
            .ToList();
        var actual = true;
        foreach (var property in data.EnumerateObject())
        {
            var matched = false;
            foreach (var (regex, subschema) in patterns)
            {
                if (regex.IsMatch(property.Name))
                {
                    matched = true;
                    actual &= Satisfies(subschema, property.Value);
                }
            }
            actual &= matched || !closed;
        }
        Assert.True(actual == valid, $"patternProperties {schema.GetProperty("patternProperties").GetRawText()} on {data.GetRawText()}: expected valid={valid}.");
    }

    private static bool IsFormatOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && schema.EnumerateObject().All(p => p.Name is "format" or "$schema")
        && schema.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String;

    // {"type": "string"} beside the pattern is trivially true for string data, so such tests are the pattern's alone.
    private static bool IsPatternOnly(JsonElement schema) =>
        schema.EnumerateObject().All(p => p.Name is "pattern" or "$schema" || (p.Name == "type" && p.Value.GetString() == "string"))
        && schema.TryGetProperty("pattern", out _);

    private static bool IsPatternPropertiesOnly(JsonElement schema) =>
        schema.TryGetProperty("patternProperties", out var patterns)
        && schema.EnumerateObject().All(p => p.Name switch
        {
            "patternProperties" or "$schema" => true,
            "type" => p.Value.GetString() == "object",
            "additionalProperties" => p.Value.ValueKind == JsonValueKind.False,
            _ => false,
        })
        && patterns.EnumerateObject().All(p => p.Value.ValueKind == JsonValueKind.True || IsIntegerTypeOnly(p.Value));

    private static bool IsIntegerTypeOnly(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object
        && schema.EnumerateObject().All(p => p.Name == "type" && p.Value.GetString() == "integer");

    private static bool Satisfies(JsonElement subschema, JsonElement value) =>
        subschema.ValueKind == JsonValueKind.True
        || (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == decimal.Truncate(number));
}
