using System.Security.Cryptography;
using System.Text;

namespace SchemaRegistry.Core.Security;

/// <summary>Making and hashing key secrets. Secrets carry 192 random bits, so a plain SHA-256 is enough.</summary>
public static class ApiKeySecrets
{
    public const string SecretPrefix = "sr_";
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string NewSecret() => SecretPrefix + RandomNumberGenerator.GetString(Alphabet, 32);

    public static string NewId() => "key_" + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 12);

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The first characters of a secret, safe to show in listings.</summary>
    public static string PrefixOf(string secret) => secret.Length <= 7 ? secret : secret[..7];
}
