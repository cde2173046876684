using System.Security.Cryptography;
using System.Text.Json;
using SchemaRegistry.Core.Audit;

namespace SchemaRegistry.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123);

    public static TheoryData<string, string?, string?> Fields => new()
    {
        { "key_1", null, null },
        { "oidc:https://idp.example/:ü-ser \"quoted\" <tag> & 'x'", "forced: ✓ dependency\nof invoice", "ab12" },
        { "emoji 🙂 and \\ backslash", "\u0001 control", null },
    };

    // The ledger's hash must stay the SHA-256 of the JSON array [previous, sequence, at, …] it always was, whether the
    // entry is hashed here at once or finished from its tail (by the database): old ledgers keep verifying.
    [Theory]
    [MemberData(nameof(Fields))]
    public void Hash_and_hash_from_tail_are_the_original_array_hash(string principal, string? reason, string? before)
    {
        var previous = Convert.ToHexStringLower(SHA256.HashData("previous"u8));
        var original = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(new object?[]
        {
            previous, 4_000_000_001L, At.ToUnixTimeMilliseconds(), principal, "schema-admin", "SchemaPublished", "finance.gdp.invoice:v1.2",
            reason, before, "cd34",
        })));

        var tail = AuditChain.Tail(At, principal, "schema-admin", "SchemaPublished", "finance.gdp.invoice:v1.2", reason, before, "cd34");

        Assert.Equal(original, AuditChain.Hash(previous, 4_000_000_001L, At, principal, "schema-admin", "SchemaPublished", "finance.gdp.invoice:v1.2", reason, before, "cd34"));
        Assert.Equal(original, AuditChain.HashWithTail(previous, 4_000_000_001L, tail));
        Assert.All(tail, c => Assert.True(c < 128, "the tail is ASCII, so a database hashes the same bytes whatever its encoding"));
    }
}
