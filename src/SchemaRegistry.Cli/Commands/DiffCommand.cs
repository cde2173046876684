using System.CommandLine;
using System.Text.Json;
using System.Xml.Linq;
using SchemaRegistry.Cli.Input;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg schema diff OLD NEW</c>: what changed between two schemas and whether it breaks anyone, for CI. Each
/// side is a schema file (offline) or a registered FQID or alias (fetched from the registry). Exit codes as
/// <see cref="ExitCodes"/>: 0 compatible under the mode, 1 not, 2 bad input, 3 the registry did not answer.
/// </summary>
internal static class DiffCommand
{
    public static Command Build()
    {
        var oldSide = new Argument<string>("old") { Description = "The older schema: a file (a bare JSON Schema or a schema document with a payload) or a registered FQID or alias." };
        var newSide = new Argument<string>("new") { Description = "The newer schema, same forms (files and FQIDs mix)." };
        var mode = new Option<string>("--mode") { Description = "NONE, BACKWARD (default), FORWARD, FULL (transitive forms act per pair).", DefaultValueFactory = _ => "BACKWARD" };
        var command = new Command("diff", "Compare two schemas (files or registered FQIDs) and judge the change under a compatibility mode; both must be valid schemas (exit 2 with the findings when not).")
            { oldSide, newSide, mode };
        // --server and --token for the sides that are registered FQIDs; files are compared offline.
        ClientOptions.AddConnection(command);
        ClientOptions.Output(command, "text", "json", "junit");
        command.SetAction(async (parse, ct) =>
        {
            if (!WireNames.TryParse(parse.GetValue(mode), out CompatibilityMode compatibility))
            {
                Console.Error.WriteLine($"error: --mode must be one of {string.Join(", ", WireNames.AllModes)}.");
                return ExitCodes.UsageOrInput;
            }
            var json = ClientOptions.Json(parse);
            SchemaDiff diff;
            try
            {
                var oldName = parse.GetValue(oldSide)!;
                var newName = parse.GetValue(newSide)!;
                using var before = await LoadAsync(parse, oldName, ct);
                using var after = await LoadAsync(parse, newName, ct);
                // A file that is not a schema would be compared as if it were one ("type widened to any type"): refuse it.
                var findings = SchemaFiles.Findings(oldName, before.RootElement).Concat(SchemaFiles.Findings(newName, after.RootElement)).ToList();
                if (findings.Count > 0)
                {
                    Printer.Error(SchemaFiles.Invalid(findings, "nothing was compared"), json);
                    return ExitCodes.UsageOrInput;
                }
                diff = SchemaDiffer.Diff(SchemaFiles.Payload(before.RootElement).Payload, SchemaFiles.Payload(after.RootElement).Payload);
            }
            catch (InputException e)
            {
                return ClientCommand.Refuse(e);
            }
            catch (RegistryApiException e)
            {
                ClientCommand.Print(parse, e);
                return ExitCodes.Of(e.Problem);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
            {
                Console.Error.WriteLine($"error {ErrorCode.PayloadInvalid}: the schemas cannot be compared: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
            var compatible = CompatibilityRules.IsCompatible(diff, compatibility);
            var changes = diff.Changes.Select(ChangeItems.ToItem).ToList();
            switch (ClientOptions.Format(parse))
            {
                case "json":
                    JsonOutput.Print(JsonOutput.WithChanges(new DiffReport(compatible, WireNames.Of(compatibility), changes)));
                    break;
                case "junit":
                    Console.WriteLine(JUnit(changes, compatibility));
                    break;
                default:
                    Console.WriteLine($"{(compatible ? "compatible" : "INCOMPATIBLE")} under {WireNames.Of(compatibility)}: {changes.Count} change(s)");
                    if (changes.Count > 0)
                    {
                        Console.WriteLine("backward: data valid under OLD stays valid under NEW; forward: data valid under NEW is valid under OLD.");
                        Printer.WrappedTable(["backward", "forward", "kind", "path", "reason"], changes.Select(c => new[]
                        {
                            Verdict(c.Backward), Verdict(c.Forward), c.Kind, c.Path.Length == 0 ? "/" : c.Path,
                            c.Reason + (c.Example is null ? "" : $" Example: {c.Example}"),
                        }));
                    }
                    break;
            }
            return compatible ? ExitCodes.Ok : ExitCodes.ProblemsFound;
        });
        return command;
    }

    private sealed record DiffReport(bool Compatible, string Mode, List<ChangeItem> Changes);

    /// <summary>A file when one exists by that name; otherwise a registered FQID or alias (<c>subject:v1.0</c>, <c>subject:latest</c>).</summary>
    private static async Task<JsonDocument> LoadAsync(ParseResult parse, string side, CancellationToken ct)
    {
        if (!IsRegistered(side))
        {
            return JsonFiles.Parse(new FileInfo(side));
        }
        using var client = ClientOptions.CreateClient(parse);
        var registered = await client.GetAsync(side, ct);
        return JsonDocument.Parse(registered.Payload.GetRawText());
    }

    /// <summary>A side fetched from the registry: no file by that name, and it reads as an FQID or alias.</summary>
    internal static bool IsRegistered(string side) => !File.Exists(side) && LooksLikeFqid(side);

    private static bool LooksLikeFqid(string side) =>
        side.Contains(':', StringComparison.Ordinal) && !side.Contains('/', StringComparison.Ordinal) && !side.Contains('\\', StringComparison.Ordinal)
        && !side.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string Verdict(bool? value) => value switch { true => "ok", false => "BREAKS", null => "unproven" };

    private static string JUnit(IReadOnlyList<ChangeItem> changes, CompatibilityMode mode)
    {
        var cases = changes.Select(c =>
        {
            var element = new XElement("testcase", new XAttribute("classname", "schema-diff"), new XAttribute("name", $"{c.Kind} {c.Path}"));
            var breaks = mode switch
            {
                CompatibilityMode.None => false,
                CompatibilityMode.Backward or CompatibilityMode.BackwardTransitive => c.Backward != true,
                CompatibilityMode.Forward or CompatibilityMode.ForwardTransitive => c.Forward != true,
                _ => c.Backward != true || c.Forward != true,
            };
            if (breaks)
            {
                element.Add(new XElement("failure", new XAttribute("message", c.Reason), c.Example ?? ""));
            }
            return element;
        }).ToList();
        var suite = new XElement("testsuite", new XAttribute("name", $"schema compatibility ({WireNames.Of(mode)})"),
            new XAttribute("tests", cases.Count), new XAttribute("failures", cases.Count(c => c.Element("failure") is not null)), cases);
        return new XDocument(suite).ToString();
    }
}
