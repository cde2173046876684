using System.Text.RegularExpressions;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Core.Tests.Security;

public sealed partial class ApiKeySecretsTests
{
    [GeneratedRegex("^sr_[A-Za-z0-9]{32}$")]
    private static partial Regex SecretShape();

    [GeneratedRegex("^key_[a-z0-9]{12}$")]
    private static partial Regex IdShape();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HexDigest();

    [Fact]
    public void New_secret_is_the_prefix_and_32_alphanumerics()
    {
        Assert.Matches(SecretShape(), ApiKeySecrets.NewSecret());
    }

    [Fact]
    public void New_secrets_differ()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ApiKeySecrets.NewSecret()).ToList();

        Assert.Equal(secrets.Count, secrets.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void New_id_is_key_and_12_lower_case_alphanumerics()
    {
        Assert.Matches(IdShape(), ApiKeySecrets.NewId());
    }

    [Fact]
    public void New_ids_differ()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => ApiKeySecrets.NewId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Hash_is_the_lower_case_sha256_of_the_utf8_secret()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeySecrets.Hash("abc"));
    }

    [Fact]
    public void Hash_is_deterministic_and_distinguishes_secrets()
    {
        var secret = ApiKeySecrets.NewSecret();

        Assert.Equal(ApiKeySecrets.Hash(secret), ApiKeySecrets.Hash(secret));
        Assert.NotEqual(ApiKeySecrets.Hash(secret), ApiKeySecrets.Hash(secret + "x"));
        Assert.Matches(HexDigest(), ApiKeySecrets.Hash(secret));
    }

    [Fact]
    public void Hash_does_not_contain_the_secret()
    {
        var secret = ApiKeySecrets.NewSecret();

        Assert.DoesNotContain(secret[3..], ApiKeySecrets.Hash(secret), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sr_AbCdEfGh", "sr_AbCd")]
    [InlineData("sr_AbCd", "sr_AbCd")]
    [InlineData("sr_A", "sr_A")]
    [InlineData("", "")]
    public void Prefix_is_at_most_the_first_seven_characters(string secret, string prefix)
    {
        Assert.Equal(prefix, ApiKeySecrets.PrefixOf(secret));
    }

    [Fact]
    public void Prefix_of_a_new_secret_reveals_only_four_random_characters()
    {
        var secret = ApiKeySecrets.NewSecret();

        var prefix = ApiKeySecrets.PrefixOf(secret);

        Assert.Equal(7, prefix.Length);
        Assert.StartsWith(ApiKeySecrets.SecretPrefix, prefix, StringComparison.Ordinal);
        Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
    }
}
