using System.CommandLine;
using System.Text.Json;
using System.Xml.Linq;
using SchemaRegistry.Core.Compatibility;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Cli.Input;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg schema diff OLD NEW</c>: what changed between two schema files and whether it breaks anyone,
/// without a server, for CI. Exit code 0 when compatible under the mode, 1 when not, 2 on error.
/// </summary>
internal static class DiffCommand
{
    public static Command Build()
    {
        var oldFile = new Argument<FileInfo>("old") { Description = "The older schema: a bare JSON Schema or a schema document with a payload." };
        var newFile = new Argument<FileInfo>("new") { Description = "The newer schema, same forms." };
        var mode = new Option<string>("--mode") { Description = "NONE, BACKWARD (default), FORWARD, FULL (transitive forms act per pair).", DefaultValueFactory = _ => "BACKWARD" };
        var command = new Command("diff", "Compare two schema files and judge the change under a compatibility mode; both must be valid schemas (exit 2 with the findings when not).") { oldFile, newFile, mode };
        ClientOptions.Output(command, "text", "json", "junit");
        command.SetAction(parse =>
        {
            if (!WireNames.TryParse(parse.GetValue(mode), out CompatibilityMode compatibility))
            {
                Console.Error.WriteLine($"error: --mode must be one of {string.Join(", ", WireNames.AllModes)}.");
                return ClientCommand.InputErrorExitCode;
            }
            var json = ClientOptions.Json(parse);
            SchemaDiff diff;
            try
            {
                using var before = JsonFiles.Parse(parse.GetValue(oldFile)!);
                using var after = JsonFiles.Parse(parse.GetValue(newFile)!);
                // A file that is not a schema would be compared as if it were one ("type widened to any type"): refuse it.
                var findings = SchemaFiles.Findings(parse.GetValue(oldFile)!, before.RootElement).Concat(SchemaFiles.Findings(parse.GetValue(newFile)!, after.RootElement)).ToList();
                if (findings.Count > 0)
                {
                    Printer.Error(SchemaFiles.Invalid(findings, "nothing was compared"), json);
                    return ClientCommand.InputErrorExitCode;
                }
                diff = SchemaDiffer.Diff(SchemaFiles.Payload(before.RootElement).Payload, SchemaFiles.Payload(after.RootElement).Payload);
            }
            catch (InputException e)
            {
                return ClientCommand.Refuse(e);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or KeyNotFoundException or ArgumentException)
            {
                Console.Error.WriteLine($"error {ErrorCode.PayloadInvalid}: the schemas cannot be compared: {e.Message}");
                return ClientCommand.InputErrorExitCode;
            }
            var compatible = CompatibilityRules.IsCompatible(diff, compatibility);
            var changes = diff.Changes.Select(ChangeItems.ToItem).ToList();
            switch (ClientOptions.Format(parse))
            {
                case "json":
                    Console.WriteLine(JsonSerializer.Serialize(new { compatible, mode = WireNames.Of(compatibility), changes },
                        new JsonSerializerOptions(RegistryJson.Options) { WriteIndented = true }));
                    break;
                case "junit":
                    Console.WriteLine(JUnit(changes, compatibility));
                    break;
                default:
                    Console.WriteLine($"{(compatible ? "compatible" : "INCOMPATIBLE")} under {WireNames.Of(compatibility)}: {changes.Count} change(s)");
                    foreach (var c in changes)
                    {
                        Console.WriteLine($"  {Verdict(c.Backward)}/{Verdict(c.Forward)} {c.Kind} {c.Path}: {c.Reason}{(c.Example is null ? "" : $" e.g. {c.Example}")}");
                    }
                    break;
            }
            return compatible ? 0 : 1;
        });
        return command;
    }

    private static string Verdict(bool? value) => value switch { true => "ok", false => "BREAKS", null => "unknown" };

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
