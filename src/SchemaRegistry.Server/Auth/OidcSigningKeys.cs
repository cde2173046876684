using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SchemaRegistry.Server.Auth;

/// <summary>Reads <see cref="OidcOptions.SigningKeys"/>: PEM (public keys, certificates), a JWK or JWK set, or a file of either.</summary>
internal static class OidcSigningKeys
{
    private const string Setting = "Registry:Oidc:SigningKeys";

    public static IReadOnlyList<SecurityKey> Load(IEnumerable<string> entries)
    {
        var keys = new List<SecurityKey>();
        var index = 0;
        foreach (var entry in entries)
        {
            keys.AddRange(LoadOne(entry, $"{Setting}:{index}"));
            index++;
        }
        return keys;
    }

    private static IEnumerable<SecurityKey> LoadOne(string entry, string setting)
    {
        var text = entry.Trim();
        if (!text.StartsWith('{') && !text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            if (!File.Exists(text))
            {
                throw new InvalidOperationException($"{setting} is neither PEM text, a JWK (set) nor the path of an existing file.");
            }
            text = File.ReadAllText(text).Trim();
        }
        var keys = text.StartsWith('{') ? FromJson(text, setting) : FromPem(text, setting);
        return keys.Count > 0 ? keys : throw new InvalidOperationException($"{setting} holds no public key.");
    }

    private static List<SecurityKey> FromJson(string json, string setting)
    {
        List<JsonWebKey> keys;
        try
        {
            using var document = JsonDocument.Parse(json);
            keys = document.RootElement.TryGetProperty("keys", out _) ? [.. new JsonWebKeySet(json).Keys] : [new JsonWebKey(json)];
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidOperationException($"{setting} is not a valid JWK or JWK set: {e.Message}", e);
        }
        foreach (var key in keys)
        {
            if (key.Kty is not (JsonWebAlgorithmsKeyTypes.RSA or JsonWebAlgorithmsKeyTypes.EllipticCurve))
            {
                throw new InvalidOperationException($"{setting}: only RSA and EC keys sign tokens here, not kty '{key.Kty}'.");
            }
            if (key.HasPrivateKey)
            {
                throw new InvalidOperationException($"{setting} holds a private key; give only the public key.");
            }
        }
        return [.. keys];
    }

    private static List<SecurityKey> FromPem(string pem, string setting)
    {
        var keys = new List<SecurityKey>();
        var rest = pem.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            var der = Convert.FromBase64String(rest.Span[fields.Base64Data].ToString());
            keys.Add(label switch
            {
                "CERTIFICATE" => new X509SecurityKey(X509CertificateLoader.LoadCertificate(der)),
                "PUBLIC KEY" => FromSubjectPublicKeyInfo(der, setting),
                "RSA PUBLIC KEY" => new RsaSecurityKey(ImportRsa(rsa => rsa.ImportRSAPublicKey(der, out _))),
                _ when label.Contains("PRIVATE", StringComparison.Ordinal) =>
                    throw new InvalidOperationException($"{setting} holds a private key ({label}); give only the public key."),
                _ => throw new InvalidOperationException($"{setting}: a PEM block labelled '{label}' is not a public key or certificate."),
            });
            rest = rest[fields.Location.End..];
        }
        return keys;
    }

    private static SecurityKey FromSubjectPublicKeyInfo(byte[] der, string setting)
    {
        var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(der, out _);
            return new RsaSecurityKey(rsa);
        }
        catch (CryptographicException)
        {
            rsa.Dispose();
        }
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportSubjectPublicKeyInfo(der, out _);
            return new ECDsaSecurityKey(ecdsa);
        }
        catch (CryptographicException e)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"{setting}: a PUBLIC KEY block is neither an RSA nor an EC key.", e);
        }
    }

    private static RSA ImportRsa(Action<RSA> import)
    {
        var rsa = RSA.Create();
        try
        {
            import(rsa);
            return rsa;
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }
}
