using System.CommandLine;
using System.Text.Json;
using SchemaRegistry.Cli.Input;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.JsonSchema.Suite;

namespace SchemaRegistry.Cli.Commands;

/// <summary><c>schemareg jsonschema suite|validate</c>: the validator on its own, without a server.</summary>
internal static partial class JsonSchemaCommands
{
    private static readonly Dictionary<string, Dialect> Dialects = new(StringComparer.Ordinal)
    {
        ["2020-12"] = Dialect.Draft202012,
        ["2019-09"] = Dialect.Draft201909,
        ["7"] = Dialect.Draft7,
        ["6"] = Dialect.Draft6,
        ["4"] = Dialect.Draft4,
    };

    public static Command Build()
    {
        var command = new Command("jsonschema", "Run the JSON Schema validator: the official test suite, or one instance.");
        command.Subcommands.Add(Suite());
        command.Subcommands.Add(Validate());
        return command;
    }

    private static Command Suite()
    {
        var directory = new Argument<DirectoryInfo>("dir") { Description = "A folder of test files in the official suite's format (e.g. tests/draft2020-12)." };
        var dialect = DialectOption();
        var remotes = new Option<DirectoryInfo?>("--remotes") { Description = "Folder served as http://localhost:1234/ (the suite's remotes/)." };
        var optional = new Option<bool>("--optional") { Description = "Also run the files under optional/." };
        var command = new Command("suite", "Run every test file of the official JSON Schema test suite in a folder.") { directory, dialect, remotes, optional };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(directory)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"error: {dir.FullName} does not exist.");
                return 2;
            }
            var runner = new SuiteRunner(Dialects[parse.GetValue(dialect)!], parse.GetValue(remotes)?.FullName);
            int passed = 0, failed = 0;
            foreach (var file in SuiteRunner.Files(dir.FullName, parse.GetValue(optional)))
            {
                foreach (var result in runner.RunFile(file, Path.GetRelativePath(dir.FullName, file)))
                {
                    if (result.Passed)
                    {
                        passed++;
                        continue;
                    }
                    failed++;
                    Console.WriteLine($"FAIL {result.File} | {result.Case} | {result.Test}: expected {(result.Expected ? "valid" : "invalid")}" +
                        (result.Error is null ? "" : $" ({result.Error})"));
                }
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command Validate()
    {
        var schema = new Option<FileInfo>("--schema") { Description = "The JSON Schema file.", Required = true };
        var instance = new Option<FileInfo>("--instance") { Description = "The JSON instance file.", Required = true };
        var dialect = DialectOption();
        var command = new Command("validate", "Validate one instance; prints the JSON Schema \"basic\" output.") { schema, instance, dialect };
        command.SetAction(parse =>
        {
            CompiledSchema compiled;
            byte[] data;
            try
            {
                var schemaText = JsonFiles.ReadText(parse.GetValue(schema)!);
                data = System.Text.Encoding.UTF8.GetBytes(JsonFiles.ReadText(parse.GetValue(instance)!));
                compiled = CompiledSchema.Compile(schemaText, new JsonSchemaOptions { DefaultDialect = Dialects[parse.GetValue(dialect)!] });
            }
            catch (InputException e)
            {
                return ClientCommand.Refuse(e);
            }
            catch (SchemaCompileException e)
            {
                Console.Error.WriteLine($"error: the schema cannot be compiled: {e.Message}");
                return 2;
            }
            var result = compiled.Evaluate(data);
            Console.WriteLine(JsonSerializer.Serialize(new BasicOutput(result.Valid, result.Valid ? null : result.Errors.Select(e =>
                new BasicError(e.KeywordLocation, e.AbsoluteKeywordLocation, e.InstanceLocation, e.Message)).ToList()), BasicOutputJson.Indented));
            return result.Valid ? 0 : 1;
        });
        return command;
    }

    private static Option<string> DialectOption() => new("--dialect")
    {
        Description = "Dialect of schemas without $schema: 2020-12 (default), 2019-09, 7, 6 or 4.",
        DefaultValueFactory = _ => "2020-12",
        Validators = { result => { if (!Dialects.ContainsKey(result.GetValueOrDefault<string>() ?? "")) { result.AddError("--dialect must be 2020-12, 2019-09, 7, 6 or 4."); } } },
    };

    // Source-generated: the native executable (no reflection-based JSON) prints this output too.
    [System.Text.Json.Serialization.JsonSerializable(typeof(BasicOutput))]
    private sealed partial class BasicOutputJson : System.Text.Json.Serialization.JsonSerializerContext
    {
        public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<BasicOutput> Indented = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<BasicOutput>)
            new BasicOutputJson(new JsonSerializerOptions
            {
                WriteIndented = true,
                DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
                Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }).GetTypeInfo(typeof(BasicOutput))!;
    }

    private sealed record BasicOutput(
        [property: System.Text.Json.Serialization.JsonPropertyName("valid")] bool Valid,
        [property: System.Text.Json.Serialization.JsonPropertyName("errors")] List<BasicError>? Errors);

    private sealed record BasicError(
        [property: System.Text.Json.Serialization.JsonPropertyName("keywordLocation")] string KeywordLocation,
        [property: System.Text.Json.Serialization.JsonPropertyName("absoluteKeywordLocation")] string AbsoluteKeywordLocation,
        [property: System.Text.Json.Serialization.JsonPropertyName("instanceLocation")] string InstanceLocation,
        [property: System.Text.Json.Serialization.JsonPropertyName("error")] string Error);
}
