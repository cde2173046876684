using Microsoft.Extensions.Logging;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// On first start with no key at all, creates the admin key: from the configured token, or a new secret that is
/// printed once and written to <c>{data-dir}/admin.token</c> (mode 0600). The fixed id makes replicas racing
/// on an empty store create exactly one. Later starts use the configured token only to recover from the loss of every
/// schema-admin key (<see cref="RecoverAsync"/>).
/// </summary>
internal static class AdminBootstrap
{
    public const string KeyId = "key_admin";

    public static async Task EnsureAsync(IRegistryStorage storage, RegistryOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (await storage.Keys.AnyAsync(cancellationToken))
        {
            await RecoverAsync(storage, options, time, logger, cancellationToken);
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

    /// <summary>
    /// When no schema-admin key is active (all revoked or expired), the configured token becomes one again: a new key
    /// <c>key_recovery_…</c> named "admin (recovered)", or the revoked or expired schema-admin key that has this secret,
    /// active again without expiry; with a <c>KeyRecovered</c> event and ledger entry, and a warning. While an active
    /// schema-admin key exists, a token that is not one of them is ignored, with a warning saying so.
    /// </summary>
    private static async Task RecoverAsync(IRegistryStorage storage, RegistryOptions options, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var keys = await storage.Keys.ListAsync(cancellationToken);
        var admins = keys.Count(k => k.Role == Role.SchemaAdmin && k.IsActive(now));
        if (string.IsNullOrEmpty(options.AdminToken))
        {
            if (admins == 0)
            {
                logger.LogWarning("No schema-admin key is active: nobody can manage keys. Set SCHEMAREG_ADMIN_TOKEN and restart to recover one (see docs/roles.md).");
            }
            return;
        }
        var hash = ApiKeySecrets.Hash(options.AdminToken);
        var match = keys.FirstOrDefault(k => k.SecretHash == hash);
        if (match is { Role: Role.SchemaAdmin } && match.IsActive(now))
        {
            return;
        }
        if (admins > 0)
        {
            logger.LogWarning(
                "SCHEMAREG_ADMIN_TOKEN is ignored: it is not the secret of an active schema-admin key, and {Count} active schema-admin key(s) exist. " +
                "It recovers an admin key only when none is active; create keys with POST /v1/keys.", admins);
            return;
        }
        if (match is not null && match.Role != Role.SchemaAdmin)
        {
            logger.LogError(
                "No schema-admin key is active, and SCHEMAREG_ADMIN_TOKEN is the secret of key {Id} ({Role}), which is not made an admin. " +
                "Set SCHEMAREG_ADMIN_TOKEN to a new secret and restart.", match.Id, WireNames.Of(match.Role));
            return;
        }
        var key = match is null
            ? new ApiKey("key_recovery_" + ApiKeySecrets.NewId()["key_".Length..], "admin (recovered)", Role.SchemaAdmin, hash,
                ApiKeySecrets.PrefixOf(options.AdminToken), now, "recovery", null, null)
            : match with { RevokedAt = null, ExpiresAt = null };
        var recovered = Events.EventFactory.KeyRecovered(key, reactivated: match is not null, now);
        if (await storage.Keys.RecoverAdminAsync(key, reactivate: match is not null, now, [recovered], cancellationToken))
        {
            logger.LogWarning(
                "No schema-admin key was active: {Action} schema-admin key {Id} from SCHEMAREG_ADMIN_TOKEN (recorded as KeyRecovered in the ledger). " +
                "Create named admin keys, then revoke this one or rotate the token.", match is null ? "created" : "re-activated", key.Id);
        }
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
