using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Server.Caching;

/// <summary>
/// Findings of the payload check (meta-schema pass and compile) by what they depend on: the payload's text and the
/// text of every version it references. Referenced versions are published, so their text never changes; an edited
/// draft has another text and so another key: nothing needs invalidating, and a repeated check of an unchanged
/// draft compiles nothing. Bounded: emptied when it reaches <see cref="RegistryOptions.CheckCacheEntries"/>; 0 turns it off.
/// </summary>
internal sealed class ContentCheckCache(RegistryOptions options)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Issue>> _findings = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public IReadOnlyList<Issue> GetOrCheck(string payload, IReadOnlyDictionary<string, string>? references, Func<IReadOnlyList<Issue>> check)
    {
        if (options.CheckCacheEntries <= 0)
        {
            return check();
        }
        var key = Key(payload, references);
        if (_findings.TryGetValue(key, out var known))
        {
            Interlocked.Increment(ref _hits);
            Metrics.RegistryMetrics.CacheLookup("content_check", hit: true);
            return known;
        }
        Interlocked.Increment(ref _misses);
        Metrics.RegistryMetrics.CacheLookup("content_check", hit: false);
        var findings = check();
        if (_findings.Count >= options.CheckCacheEntries)
        {
            _findings.Clear();
        }
        _findings[key] = findings;
        return findings;
    }

    private static string Key(string payload, IReadOnlyDictionary<string, string>? references)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, payload);
        if (references is null)
        {
            Append(hash, "\u0001no references compiled");
        }
        else
        {
            foreach (var (fqid, text) in references.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Append(hash, fqid);
                Append(hash, text);
            }
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    /// <summary>Length-prefixed, so no two different sequences of texts hash alike.</summary>
    private static void Append(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        hash.AppendData(BitConverter.GetBytes(bytes.LongLength));
        hash.AppendData(bytes);
    }
}
