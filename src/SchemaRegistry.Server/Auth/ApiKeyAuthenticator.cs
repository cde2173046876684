using System.Security.Claims;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Decides whether an API key secret may act now and as whom: the one check behind the API's <c>Authorization</c>
/// header and the console's sign-in form.
/// </summary>
internal sealed class ApiKeyAuthenticator(IRegistryStorage storage, Caching.ApiKeyCache keys, TimeProvider time)
{
    /// <summary>The key's identity (id, name, role) under <paramref name="scheme"/>, or why the secret is refused.</summary>
    public async Task<(ClaimsIdentity? Identity, string? Failure)> AuthenticateAsync(string secret, string scheme, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(secret);
        if (!keys.TryGet(hash, out var key))
        {
            key = await storage.Keys.FindBySecretHashAsync(hash, cancellationToken);
            if (key is not null)
            {
                keys.Put(hash, key);
            }
        }
        if (key is null)
        {
            return (null, "The API key is not known.");
        }
        if (key.RevokedAt is not null)
        {
            return (null, $"The API key {key.Id} was revoked.");
        }
        if (!key.IsActive(time.GetUtcNow()))
        {
            return (null, $"The API key {key.Id} expired.");
        }
        return (new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, key.Id),
            new Claim(ClaimTypes.Name, key.Name),
            new Claim(ClaimTypes.Role, WireNames.Of(key.Role)),
        ], scheme), null);
    }
}
