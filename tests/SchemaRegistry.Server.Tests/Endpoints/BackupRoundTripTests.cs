using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Client;
using SchemaRegistry.Core.Audit;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// Backup and restore across the three databases: a busy registry on SQLite is exported over HTTP, restored into
/// PostgreSQL, served and exported again, restored into a fresh SQLite (and into MariaDB) and exported again; the
/// archives' content is the same bytes every time, the ledger verifies, keys keep working and new writes continue.
/// </summary>
public sealed class BackupRoundTripTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly List<string> _postgres = [];
    private readonly List<string> _mysql = [];
    private RegistryServer _source = null!;

    public async Task InitializeAsync()
    {
        _source = await RegistryServer.StartAsync(Store.Sqlite);
        await BusyRegistry.PopulateAsync(_source);
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        foreach (var url in _postgres)
        {
            await TestPostgres.DropDatabaseAsync(url);
        }
        foreach (var url in _mysql)
        {
            await TestMySql.DropDatabaseAsync(url);
        }
        _dir.Dispose();
    }

    [Fact]
    public async Task Sqlite_to_Postgres_to_Sqlite_keeps_the_exported_content_byte_for_byte()
    {
        var fromSqlite = await ExportAsync(_source, "from-sqlite.ndjson.gz");
        var postgres = await CreatePostgresAsync();
        await ImportAsync(fromSqlite, postgres, "pg-blobs");
        await using var onPostgres = await ServeAsync(postgres, "pg-blobs");
        var fromPostgres = await ExportAsync(onPostgres, "from-postgres.ndjson.gz");
        var sqlite = "sqlite:" + Path.Combine(_dir.Path, "restored.db");
        await ImportAsync(fromPostgres, sqlite, "sqlite-blobs");
        await using var onSqlite = await ServeAsync(sqlite, "sqlite-blobs");
        var again = await ExportAsync(onSqlite, "again.ndjson.gz");

        var (a, b, c) = (ArchiveContent.Read(fromSqlite), ArchiveContent.Read(fromPostgres), ArchiveContent.Read(again));
        Assert.Equal(("sqlite", "postgres", "sqlite"), (Source(a), Source(b), Source(c)));
        Assert.Equal(a.Content, b.Content);
        Assert.Equal(a.Content, c.Content);

        // Every part holds rows (the registry is busy enough to prove each table), and no secret is in the archive.
        var manifest = Manifest(a);
        foreach (var part in manifest.GetProperty("parts").EnumerateArray())
        {
            Assert.True(part.GetProperty("rows").GetInt64() > 0, $"part {part.GetProperty("part").GetString()} is empty");
        }
        Assert.DoesNotContain(RegistryServer.AdminToken, a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(BusyRegistry.SubscriptionSecret, a.Text, StringComparison.Ordinal);

        // The restored registry answers as the original did: same versions, hashes and definition files.
        using var original = _source.Client();
        using var restored = onSqlite.Client();
        foreach (var fqid in new[] { "finance.gdp.invoice:v1.1", "finance.gdp.customer:v1.0", "sales.raw.order:v1.0" })
        {
            var (before, after) = (await original.GetAsync(fqid), await restored.GetAsync(fqid));
            Assert.Equal((before.Fqid, before.State, before.ContentHash), (after.Fqid, after.State, after.ContentHash));
            var file = fqid.Split(':')[0].Replace('.', '/') + "/" + fqid.Split(':')[1] + ".json";
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(_source.DataDir, "blobs", "schemas", file)),
                await File.ReadAllBytesAsync(Path.Combine(_dir.Path, "sqlite-blobs", "schemas", file)));
        }
        Assert.Equal((await original.GetRunAsync(BusyRegistry.RunId)).Batches, (await restored.GetRunAsync(BusyRegistry.RunId)).Batches);
        // The same quarantine, under the restored deployment's own location.
        static List<QuarantineItem> Content(List<QuarantineItem> items) => items.Select(q => q with { Location = null, ManifestLocation = null }).ToList();
        Assert.Equal(Content(await original.ListQuarantineAsync(BusyRegistry.RunId)), Content(await restored.ListQuarantineAsync(BusyRegistry.RunId)));
        await AssertLedgerIntactAsync(restored);
    }

    [Fact]
    public async Task A_restored_registry_keeps_its_keys_and_continues_its_sequences()
    {
        var archive = await ExportAsync(_source, "backup.ndjson.gz");
        var manifest = Manifest(ArchiveContent.Read(archive));
        var postgres = await CreatePostgresAsync();
        await ImportAsync(archive, postgres, "pg-blobs");
        await using var server = await ServeAsync(postgres, "pg-blobs");

        // The admin secret of the original works (its hash came along); the revoked key stays revoked.
        using var admin = server.Client();
        var keys = (await admin.ListKeysAsync()).Keys;
        Assert.Contains(keys, k => k.Name == "retired" && k.RevokedAt is not null);

        // New writes get the next event sequence, ledger entry, history row and drift case id.
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.2", """{"type":"object"}"""));
        var events = await admin.ReadEventsAsync(manifest.GetProperty("last_event_sequence").GetInt64());
        Assert.Equal(manifest.GetProperty("last_event_sequence").GetInt64() + 1, Assert.Single(events.Events).Sequence);
        var history = (await admin.GetAsync("finance.gdp.invoice:v1.2")).History;
        Assert.Single(history);
        using var runner = server.Client(await server.KeyAsync("glue-2", "pipeline-runner"));
        await runner.StartRunAsync(new StartRunRequest("finance_gdp_transform", "jr-after-restore"));
        var batch = await runner.SendBatchAsync("jr-after-restore",
            new MemoryStream("""{"invoice_id":"INV-9","amount":1,"vendor":"x"}"""u8.ToArray()), "application/x-ndjson");
        var cases = await admin.ListDriftCasesAsync("finance.gdp.invoice");
        Assert.Equal(cases.Max(c => c.Id), batch.DriftCaseId);
        Assert.Equal(2, cases.Count);
        var ledger = await AssertLedgerIntactAsync(admin);
        Assert.True(ledger > manifest.GetProperty("last_audit_sequence").GetInt64());
    }

    [Fact]
    public async Task A_restore_into_MariaDB_serves_and_exports_the_same_content()
    {
        var archive = await ExportAsync(_source, "backup.ndjson.gz");
        var mysql = await TestMySql.CreateDatabaseAsync();
        _mysql.Add(mysql);
        await ImportAsync(archive, mysql, "maria-blobs");
        await using var server = await ServeAsync(mysql, "maria-blobs");
        var again = await ExportAsync(server, "from-mariadb.ndjson.gz");

        Assert.Equal("mysql", Source(ArchiveContent.Read(again)));
        Assert.Equal(ArchiveContent.Read(archive).Content, ArchiveContent.Read(again).Content);
        using var admin = server.Client();
        await AssertLedgerIntactAsync(admin);
        await admin.RegisterAsync(Schemas.Draft("finance.gdp.invoice:v1.2", """{"type":"object"}"""));
        Assert.Equal("draft", (await admin.GetAsync("finance.gdp.invoice:v1.2")).State);
    }

    [Fact]
    public async Task Import_refuses_a_store_that_holds_data_and_leaves_it_as_it_was()
    {
        var archive = await ExportAsync(_source, "backup.ndjson.gz");
        var postgres = await CreatePostgresAsync();
        await ImportAsync(archive, postgres, "pg-blobs");

        var refused = await Assert.ThrowsAsync<RegistryException>(() => ImportAsync(archive, postgres, "pg-blobs"));
        Assert.Equal(ErrorCode.RestoreTargetNotEmpty, refused.Error.Code);
        Assert.Contains("schema_versions: ", refused.Error.Detail, StringComparison.Ordinal);

        // A store a server has started on holds its admin key: refused too.
        var sqlite = "sqlite:" + Path.Combine(_dir.Path, "served.db");
        await (await ServeAsync(sqlite, "served-blobs")).DisposeAsync();
        refused = await Assert.ThrowsAsync<RegistryException>(() => ImportAsync(archive, sqlite, "served-blobs"));
        Assert.Equal(ErrorCode.RestoreTargetNotEmpty, refused.Error.Code);
        Assert.Contains("api_keys: 1", refused.Error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_archive_is_refused_before_anything_is_written()
    {
        var archive = await ExportAsync(_source, "backup.ndjson.gz");
        var bytes = await File.ReadAllBytesAsync(archive);

        // One byte of the file changed: the gzip stream no longer checks out.
        var flipped = Path.Combine(_dir.Path, "flipped.ndjson.gz");
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(flipped, bytes);
        await AssertRefusedAsync(flipped, "flipped");

        // One byte of the content changed and compressed again: the manifest's hashes catch it.
        var content = ArchiveContent.Read(archive);
        var text = content.Text;
        var at = text.IndexOf("hotfix for INC-42", StringComparison.Ordinal);
        Assert.True(at > 0);
        var forged = Encoding.UTF8.GetBytes(text[..at] + "H" + text[(at + 1)..]);
        var rehashed = Path.Combine(_dir.Path, "forged.ndjson.gz");
        ArchiveContent.Write(rehashed, Encoding.UTF8.GetBytes(content.Header.GetRawText()), forged);
        var detail = await AssertRefusedAsync(rehashed, "forged");
        Assert.Contains("schema_history", detail, StringComparison.Ordinal);

        // Cut short: refused too.
        var cut = Path.Combine(_dir.Path, "cut.ndjson.gz");
        ArchiveContent.Write(cut, Encoding.UTF8.GetBytes(content.Header.GetRawText()), content.Content[..(content.Content.Length / 2)]);
        await AssertRefusedAsync(cut, "cut");
    }

    [Fact]
    public async Task Only_schema_admin_may_export()
    {
        using var ops = _source.Http(await _source.KeyAsync("ops-2", "ops-engineer"));
        var answer = await ops.GetAsync("v1/admin/export");
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("AUTH-1002", JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString());
        using var anonymous = _source.Http(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("v1/admin/export")).StatusCode);
    }

    private async Task<string> AssertRefusedAsync(string archive, string name)
    {
        var sqlite = "sqlite:" + Path.Combine(_dir.Path, name + ".db");
        var refused = await Assert.ThrowsAsync<RegistryException>(() => ImportAsync(archive, sqlite, name + "-blobs"));
        Assert.Equal(ErrorCode.ArchiveInvalid, refused.Error.Code);
        await using var server = await ServeAsync(sqlite, name + "-blobs");
        using var admin = server.Client();
        Assert.Empty((await admin.ListSubjectsAsync()).Subjects);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, name + "-blobs", "schemas")));
        return refused.Error.Detail;
    }

    private static async Task<long> AssertLedgerIntactAsync(RegistryClient client)
    {
        var entries = await ExportedLedger.ReadAsync(client);
        Assert.NotEmpty(entries);
        Assert.Null(AuditChain.Verify(entries, previousSequence: 0));
        return entries[^1].Sequence;
    }

    private async Task<string> ExportAsync(RegistryServer server, string name)
    {
        var path = Path.Combine(_dir.Path, name);
        using var client = server.Client();
        var watch = Stopwatch.StartNew();
        await using (var file = File.Create(path))
        {
            await client.ExportArchiveAsync(file);
        }
        output.WriteLine($"export {name}: {watch.ElapsedMilliseconds} ms, {new FileInfo(path).Length} bytes");
        return path;
    }

    private async Task ImportAsync(string archive, string database, string blobs)
    {
        var watch = Stopwatch.StartNew();
        await RegistryHost.ImportAsync(new Dictionary<string, string?>
        {
            ["Registry:Database"] = database,
            ["Registry:Blobs"] = "file:" + Path.Combine(_dir.Path, blobs),
        }, archive, CancellationToken.None);
        output.WriteLine($"import {Path.GetFileName(archive)} into {database.Split(':')[0]}: {watch.ElapsedMilliseconds} ms");
    }

    private Task<RegistryServer> ServeAsync(string database, string blobs) =>
        RegistryServer.StartAsync(Store.Sqlite, new Dictionary<string, string?>
        {
            ["Registry:Database"] = database,
            ["Registry:Blobs"] = "file:" + Path.Combine(_dir.Path, blobs),
        });

    private async Task<string> CreatePostgresAsync()
    {
        var url = await TestPostgres.CreateDatabaseAsync();
        _postgres.Add(url);
        return url;
    }

    private static string Source(ArchiveContent archive) => archive.Header.GetProperty("source").GetString()!;

    private static JsonElement Manifest(ArchiveContent archive)
    {
        var lines = archive.Text.TrimEnd('\n').Split('\n');
        return JsonDocument.Parse(lines[^1]).RootElement.GetProperty("manifest").Clone();
    }
}
