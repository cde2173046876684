using System.Text.RegularExpressions;
using Parquet.Serialization;
using SchemaRegistry.EndToEnd.Tests.Harness;
using SchemaRegistry.Testing;

namespace SchemaRegistry.EndToEnd.Tests.Distribution;

/// <summary>
/// The native (AOT) <c>schemareg</c> that scripts/release ships for linux-x64: published once per test run into
/// obj/, it runs the offline commands itself with the managed build's results and hands every other command to the
/// managed build (<c>SCHEMAREG_MANAGED</c>) with its arguments, output and exit code.
/// </summary>
public sealed partial class NativeCliTests : IDisposable
{
    private const string Schema = """
        {"type":"object","required":["invoice_id","amount"],
         "properties":{"invoice_id":{"type":"string"},"amount":{"type":"number","minimum":0},"currency":{"type":"string","pattern":"^[A-Z]{3}$"}}}
        """;

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Version_is_the_managed_builds()
    {
        var native = await NativeAsync("--version");
        var managed = await Schemareg.RunAsync(_dir.Path, null, "--version");
        Assert.Equal((0, managed.Stdout, ""), (native.ExitCode, native.Stdout, native.Stderr));
        Assert.Matches(@"^\d+\.\d+\.\d+", native.Stdout);
    }

    [Fact]
    public async Task Data_validate_on_NDJSON_and_CSV_counts_and_quarantines_exactly_as_the_managed_build()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.schema.json"), Schema);
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.ndjson"), string.Join("\n",
            """{"invoice_id":"INV-1","amount":10,"currency":"EUR"}""",
            """{"invoice_id":"INV-2","amount":3,"invoice_region_code":"EU-W"}""",
            """{"invoice_id":"INV-3","amount":-1}""",
            """{"invoice_id":"INV-4","amount":"7"}""",
            """{"invoice_id":"INV-5","amount":1,"currency":"euro"}""",
            "not json") + "\n");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "batch.csv"), "invoice_id,amount,currency\nINV-1,10.5,EUR\nINV-2,-3,USD\nINV-3,4,usd\n");

        foreach (var (input, counts) in new[]
        {
            ("batch.ndjson", "6 records: 1 valid, 3 invalid, 2 drifted, 0 rescued, 5 quarantined"),
            ("batch.csv", "3 records: 1 valid, 2 invalid, 0 drifted, 0 rescued, 2 quarantined"),
        })
        {
            var native = await NativeAsync("data", "validate", "--schema", "invoice.schema.json", "--input", input, "--quarantine", "native-q");
            var managed = await Schemareg.RunAsync(_dir.Path, null, "data", "validate", "--schema", "invoice.schema.json", "--input", input, "--quarantine", "managed-q");

            Assert.True(native.ExitCode == 1, native.Stderr + native.Stdout);
            Assert.StartsWith(counts, native.Stdout, StringComparison.Ordinal);
            Assert.Equal((managed.ExitCode, Comparable(managed.Stdout, "managed-q"), managed.Stderr), (native.ExitCode, Comparable(native.Stdout, "native-q"), native.Stderr));
            // A CSV input's quarantine is CSV: its header and rows as they arrived.
            foreach (var file in new[] { input.EndsWith(".csv", StringComparison.Ordinal) ? "records.csv" : "records.ndjson", "manifest.ndjson" })
            {
                var written = await File.ReadAllTextAsync(Path.Combine(_dir.Path, "native-q", file));
                Assert.NotEmpty(written);
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(_dir.Path, "managed-q", file)), written);
            }
        }
    }

    [Fact]
    public async Task Schema_diff_and_jsonschema_validate_of_files_print_what_the_managed_build_prints()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "old.json"), """{"type":"object","properties":{"id":{"type":"string"},"n":{"type":"integer"}}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "new.json"), """{"type":"object","required":["id"],"properties":{"id":{"type":"string","maxLength":8},"n":{"type":"number"}}}""");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "instance.json"), """{"id":"a-long-identifier","n":1.5}""");

        foreach (var args in new[] { new[] { "schema", "diff", "old.json", "new.json" }, ["jsonschema", "validate", "--schema", "new.json", "--instance", "instance.json"] })
        {
            var native = await NativeAsync(args);
            var managed = await Schemareg.RunAsync(_dir.Path, null, args);
            Assert.True(native.ExitCode == 1, native.Stderr + native.Stdout);
            Assert.Equal((managed.ExitCode, managed.Stdout, managed.Stderr), (native.ExitCode, native.Stdout, native.Stderr));
        }
    }

    /// <summary>
    /// The native build leaves Parquet and the registry client out (feature switches in its project file): a Parquet
    /// input and a registered schema still work, through the managed build.
    /// </summary>
    [Fact]
    public async Task Parquet_inputs_and_registry_schemas_are_handed_to_the_managed_build()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "invoice.schema.json"), Schema);
        await using (var stream = File.Create(Path.Combine(_dir.Path, "batch.parquet")))
        {
            await ParquetSerializer.SerializeAsync(new[] { new InvoiceRow("INV-1", 10, "EUR"), new InvoiceRow("INV-2", -1, "eur") }, stream);
        }
        foreach (var args in new[]
        {
            new[] { "data", "validate", "--schema", "invoice.schema.json", "--input", "batch.parquet" },
            ["data", "validate", "--fqid", "finance.gdp.invoice:v1.0", "--input", "batch.parquet", "--server", "http://127.0.0.1:9"],
            ["schema", "diff", "finance.gdp.invoice:v1.0", "invoice.schema.json", "--server", "http://127.0.0.1:9"],
        })
        {
            var native = await NativeAsync(args);
            var managed = await Schemareg.RunAsync(_dir.Path, null, args);
            Assert.Equal((managed.ExitCode, Comparable(managed.Stdout, "none"), managed.Stderr), (native.ExitCode, Comparable(native.Stdout, "none"), native.Stderr));
        }
        var parquet = await NativeAsync("data", "validate", "--schema", "invoice.schema.json", "--input", "batch.parquet");
        Assert.StartsWith("2 records: 1 valid, 1 invalid", parquet.Stdout, StringComparison.Ordinal);
    }

    private sealed record InvoiceRow(string invoice_id, double amount, string currency);

    [Fact]
    public async Task Other_commands_help_and_usage_errors_are_handed_to_the_managed_build_with_its_output_and_exit_code()
    {
        foreach (var args in new[] { new[] { "serve", "--help" }, ["migrate", "--help"], ["data", "validate", "--help"], ["data", "validate", "--inptu", "x.ndjson"], ["schema", "lsit"] })
        {
            var native = await NativeAsync(args);
            var managed = await Schemareg.RunAsync(_dir.Path, null, args);
            Assert.Equal((managed.ExitCode, managed.Stdout, managed.Stderr), (native.ExitCode, native.Stdout, native.Stderr));
        }
        var missing = await ChildProcess.RunAsync(await Published.Value, ["serve", "--help"], _dir.Path,
            new Dictionary<string, string?> { ["SCHEMAREG_MANAGED"] = Path.Combine(_dir.Path, "absent") });
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("install schemareg-managed beside schemareg", missing.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The output without what differs between two runs: the timing and the quarantine folder's name.</summary>
    private static string Comparable(string stdout, string quarantine) =>
        Timing().Replace(stdout, " in T s, N records/s").Replace(quarantine, "QUARANTINE", StringComparison.Ordinal);

    private async Task<ChildProcess.Result> NativeAsync(params string[] args)
    {
        var native = await Published.Value;
        // The managed build, as scripts/release ships it beside the native one, is the test's own schemareg.dll.
        var managed = Path.Combine(_dir.Path, "schemareg-managed");
        if (!File.Exists(managed))
        {
            await File.WriteAllTextAsync(managed, $"#!/bin/sh\nexec '{ChildProcess.Dotnet}' '{Path.Combine(AppContext.BaseDirectory, "schemareg.dll")}' \"$@\"\n");
            File.SetUnixFileMode(managed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return await ChildProcess.RunAsync(native, args, _dir.Path, new Dictionary<string, string?> { ["SCHEMAREG_MANAGED"] = managed });
    }

    /// <summary>One AOT publish per test run (incremental: quick when nothing changed); clang comes from scripts/test.</summary>
    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(ChildProcess.RepositoryRoot, "tests", "SchemaRegistry.EndToEnd.Tests", "obj", "native");
        var result = await ChildProcess.RunAsync(ChildProcess.Dotnet,
            ["publish", Path.Combine(ChildProcess.RepositoryRoot, "src", "SchemaRegistry.Cli.Native", "SchemaRegistry.Cli.Native.csproj"),
                "-c", "Release", "-o", output, "-nologo", "-v", "quiet", "-clp:ErrorsOnly"],
            ChildProcess.RepositoryRoot, ChildProcess.DotnetEnvironment(), TimeSpan.FromMinutes(30));
        Assert.True(result.ExitCode == 0, result.ToString());
        return Path.Combine(output, "schemareg");
    }

    [GeneratedRegex(@" in \d+\.\d\d s, [\d,]+ records/s")]
    private static partial Regex Timing();
}
