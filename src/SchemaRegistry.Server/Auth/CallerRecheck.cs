using System.Globalization;
using System.Security.Claims;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Checks again, just before a long write commits, that the caller authenticated at the start of the request may
/// still act: an API key read fresh from the store (not the cache) must be neither revoked nor expired, a token
/// not expired. An upload that takes minutes would otherwise commit on a key revoked while it streamed.
/// </summary>
internal sealed class CallerRecheck(IRegistryStorage storage, TimeProvider time)
{
    public async Task EnsureStillAllowedAsync(ClaimsPrincipal user, string what, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (user.Identity?.AuthenticationType == ApiKeyAuthenticationHandler.SchemeName)
        {
            var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            var key = await storage.Keys.GetAsync(id, cancellationToken);
            if (key is null || key.RevokedAt is not null)
            {
                throw Refused($"The API key {id} was revoked while {what}; nothing was recorded.");
            }
            if (!key.IsActive(now))
            {
                throw Refused($"The API key {id} expired while {what}; nothing was recorded.");
            }
            return;
        }
        if (user.FindFirstValue("exp") is { } exp && long.TryParse(exp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            && DateTimeOffset.FromUnixTimeSeconds(seconds) <= now)
        {
            throw Refused($"The token expired while {what}; nothing was recorded.");
        }
    }

    private static RegistryException Refused(string detail) =>
        new(new RegistryError(ErrorCode.Unauthenticated, ErrorKind.Unauthenticated, "Authentication no longer valid", detail));
}
