using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> against the stored key hashes, and HTTP Basic as Kafka
/// clients send it (<c>basic.auth.user.info</c>): the password is the key's secret, the user name is informative only.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyAuthenticator authenticator,
    FailedAuthenticationLog failures)
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
        var (identity, failure) = await authenticator.AuthenticateAsync(secret, SchemeName, Context.RequestAborted);
        if (identity is null)
        {
            return Fail(failure!);
        }
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
