using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the stored key hashes, and HTTP Basic as Kafka
/// clients send it (<c>basic.auth.user.info</c>): the password is the key's secret, the user name is informative only.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IRegistryStorage storage,
    Caching.ApiKeyCache keys,
    FailedAuthenticationLog failures,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>HttpContext item holding why authentication failed, for the 401 answer.</summary>
    public const string FailureItem = "schemareg.auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (header.Length > 512 || SecretOf(header) is not { } secret)
        {
            return Fail("The Authorization header must be 'Bearer <api key>' or 'Basic' with the key's secret as the password.");
        }
        var hash = ApiKeySecrets.Hash(secret);
        if (!keys.TryGet(hash, out var key))
        {
            key = await storage.Keys.FindBySecretHashAsync(hash, Context.RequestAborted);
            if (key is not null)
            {
                keys.Put(hash, key);
            }
        }
        var now = time.GetUtcNow();
        if (key is null)
        {
            return Fail("The API key is not known.");
        }
        if (key.RevokedAt is not null)
        {
            return Fail($"The API key {key.Id} was revoked.");
        }
        if (!key.IsActive(now))
        {
            return Fail($"The API key {key.Id} expired.");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, WireNames.Of(key.Role)),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The secret of a Bearer header, the password of a Basic one; null when the header is neither.</summary>
    private static string? SecretOf(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        try
        {
            var pair = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        failures.Failed(reason, Context.Connection.RemoteIpAddress?.ToString());
        return AuthenticateResult.Fail(reason);
    }
}
