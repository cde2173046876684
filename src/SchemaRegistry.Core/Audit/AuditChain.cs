using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SchemaRegistry.Core.Audit;

/// <summary>The ledger's hash chain: how an entry's hash is computed, and how a whole ledger is checked.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 (hex) of the previous hash and the entry's fields, as a JSON array (unambiguous, no separators to forge).</summary>
    public static string Hash(string previousHash, long sequence, DateTimeOffset at, string principal, string role, string action, string target,
        string? reason, string? beforeHash, string? afterHash) =>
        HashWithTail(previousHash, sequence, Tail(at, principal, role, action, target, reason, beforeHash, afterHash));

    /// <summary>
    /// The hashed JSON array from its third element to its end (<c>1700000000000,"key",…]</c>): everything but the
    /// previous hash and the sequence, which are known only once the ledger's end has been read. It can be worked
    /// out before, and a database can then finish the hash itself as SHA-256 of
    /// <c>'["' + previousHash + '",' + sequence + ',' + tail</c> (see <see cref="HashWithTail"/>).
    /// </summary>
    public static string Tail(DateTimeOffset at, string principal, string role, string action, string target,
        string? reason, string? beforeHash, string? afterHash) =>
        JsonSerializer.Serialize(new object?[] { at.ToUnixTimeMilliseconds(), principal, role, action, target, reason, beforeHash, afterHash })[1..];

    /// <summary>The entry's hash from the previous hash, its sequence and its <see cref="Tail"/>.</summary>
    public static string HashWithTail(string previousHash, long sequence, string tail)
    {
        var text = "[" + JsonSerializer.Serialize(previousHash) + "," + sequence.ToString(CultureInfo.InvariantCulture) + "," + tail;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>SHA-256 (hex) of a content's UTF-8 text, for the before/after hashes.</summary>
    public static string ContentHash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));

    /// <summary>
    /// Recomputes the chain over <paramref name="entries"/> (in sequence order, starting at the first entry or after
    /// <paramref name="previousHash"/>); returns the first entry whose links or hash do not hold, or null.
    /// </summary>
    public static AuditBreak? Verify(IEnumerable<AuditEntry> entries, string previousHash = Genesis, long? previousSequence = null)
    {
        var expectedPrevious = previousHash;
        var lastSequence = previousSequence;
        foreach (var e in entries)
        {
            if (lastSequence is { } last && e.Sequence != last + 1)
            {
                return new AuditBreak(e.Sequence, $"entry {last + 1} is missing (the next one is {e.Sequence}).");
            }
            if (e.PreviousHash != expectedPrevious)
            {
                return new AuditBreak(e.Sequence, "its previous hash is not the hash of the entry before it.");
            }
            var hash = Hash(e.PreviousHash, e.Sequence, e.At, e.Principal, e.Role, e.Action, e.Target, e.Reason, e.BeforeHash, e.AfterHash);
            if (hash != e.Hash)
            {
                return new AuditBreak(e.Sequence, "its content does not match its hash (the entry was changed).");
            }
            expectedPrevious = e.Hash;
            lastSequence = e.Sequence;
        }
        return null;
    }
}

/// <summary>Where a ledger's chain breaks.</summary>
public sealed record AuditBreak(long Sequence, string Reason);
