using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Storage.Backup;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// <c>schemareg export FILE</c> downloads a backup archive from a running registry (through the SDK);
/// <c>schemareg import FILE</c> restores one straight into an empty database and blob store.
/// </summary>
internal static class BackupCommands
{
    public static Command Export()
    {
        var file = new Argument<FileInfo>("file") { Description = "Where to write the archive (gzip'd NDJSON)." };
        var command = new Command("export", "Write the whole registry to one backup archive while it serves (schema-admin).") { file, ConfluentCopyCommands.Export() };
        ClientCommand.SetAction(command, async (parse, client, ct) =>
        {
            var target = parse.GetValue(file)!.FullName;
            var partial = target + ".partial";
            try
            {
                long bytes;
                await using (var output = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
                {
                    bytes = await client.ExportArchiveAsync(output, ct);
                    await output.FlushAsync(ct);
                    output.Flush(flushToDisk: true);
                }
                // A connection cut mid-stream leaves a short file; only a checked archive takes the final name.
                var manifest = await ArchiveFile.VerifyAsync(partial, ct);
                File.Move(partial, target, overwrite: true);
                Print(parse, manifest, $"Exported the registry to {target} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes).");
            }
            catch (RegistryException e)
            {
                throw new IOException($"{e.Error.Code}: the downloaded archive does not check out ({e.Error.Detail})", e);
            }
            finally
            {
                File.Delete(partial);
            }
        });
        return command;
    }

    public static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "An archive written by `schemareg export`." };
        var command = new Command("import", "Restore a backup archive into an empty database and blob store (no server needed).")
        {
            file, ServeCommands.DataDir, ServeCommands.Database, ServeCommands.Blobs, ConfluentCopyCommands.Import(),
        };
        ClientOptions.Output(command, ClientCommand.TableOrJson);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var manifest = await RegistryHost.ImportAsync(ServeCommands.Overrides(parse), parse.GetValue(file)!.FullName, cancellationToken);
                Print(parse, manifest, "Restored the registry; the ledger's chain holds.");
                return ExitCodes.Ok;
            }
            catch (RegistryException e)
            {
                await Console.Error.WriteLineAsync($"error {e.Error.Code}: {e.Error.Detail}");
                return ExitCodes.UsageOrInput;
            }
            catch (Exception e) when (e is IOException or ArgumentException)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
            catch (Exception e) when (e is DbException or TimeoutException)
            {
                // The database (or blob store) did not answer: the far side's failure, not the archive's.
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.ServerOrNetwork;
            }
        });
        return command;
    }

    private static void Print(ParseResult parse, ArchiveManifest manifest, string headline)
    {
        if (ClientOptions.Json(parse))
        {
            Printer.Json(manifest);
            return;
        }
        Console.WriteLine(headline);
        Printer.Table(["part", "rows", "sha256"], manifest.Parts.Select(p => new[]
        {
            p.Name, p.Rows.ToString(CultureInfo.InvariantCulture), p.Sha256,
        }));
        Console.WriteLine($"Last event sequence {manifest.LastEventSequence}, last ledger entry {manifest.LastAuditSequence}, content SHA-256 {manifest.Sha256}.");
    }
}
