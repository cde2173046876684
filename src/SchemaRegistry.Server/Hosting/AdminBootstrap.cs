using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// On first start with no key at all, creates the admin key: from the configured token, or a new secret that is
/// printed once and written to <c>{data-dir}/admin.token</c> (mode 0600). The fixed id makes replicas racing
/// on an empty store create exactly one.
/// </summary>
internal static class AdminBootstrap
{
    public const string KeyId = "key_admin";

    public static async Task EnsureAsync(IRegistryStorage storage, RegistryOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (await storage.Keys.AnyAsync(cancellationToken))
        {
            return;
        }
        var generated = string.IsNullOrEmpty(options.AdminToken);
        var secret = generated ? ApiKeySecrets.NewSecret() : options.AdminToken!;
        var key = new ApiKey(KeyId, "admin", Role.SchemaAdmin, ApiKeySecrets.Hash(secret), ApiKeySecrets.PrefixOf(secret),
            time.GetUtcNow(), "bootstrap", null, null);
        if (!await storage.Keys.TryInsertAsync(key, [], cancellationToken))
        {
            return;
        }
        if (!generated)
        {
            logger.LogInformation("Created the admin key from the configured admin token.");
            return;
        }
        Directory.CreateDirectory(options.DataDir);
        var path = Path.GetFullPath(Path.Combine(options.DataDir, "admin.token"));
        await WriteSecretAsync(path, secret, cancellationToken);
        Console.WriteLine($"Admin API key (shown once, also written to {path}):");
        Console.WriteLine(secret);
    }

    private static async Task WriteSecretAsync(string path, string secret, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            await File.WriteAllTextAsync(path, secret + Environment.NewLine, cancellationToken);
            return;
        }
        // Created with 0600 from the start, so the secret is never readable by others, not even briefly.
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            await writer.WriteLineAsync(secret.AsMemory(), cancellationToken);
        }
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
