using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SchemaRegistry.Server.Caching;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// Answers of <c>POST /subjects/{s}</c> (look up) by what was asked: the name, whether soft-deleted versions count and
/// the request body's hash. Each answer is kept with its subject's generation in <see cref="SchemaReadCache"/>, taken
/// before the store was read, and served only while that generation stands: every change of the subject moves it
/// (this replica's writes at once, another replica's through <see cref="ChangeWatcher"/>, which follows the events;
/// the door's deletes write ConfluentVersionsDeleted for that). <see cref="Lifetime"/> bounds any answer's age besides.
/// Only found answers are kept; bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
internal sealed class LookUpCache(SchemaReadCache schemas, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(1);
    public const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, Entry> _answers = new(StringComparer.Ordinal);
    private long _hits;

    /// <summary>Look-ups answered from the cache since start.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    public static string Key(string name, bool includeDeleted, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var prefix = Encoding.UTF8.GetBytes(name);
        hash.AppendData(BitConverter.GetBytes(prefix.Length));
        hash.AppendData(prefix);
        hash.AppendData([includeDeleted ? (byte)1 : (byte)0]);
        hash.AppendData(body);
        return Convert.ToBase64String(hash.GetHashAndReset());
    }

    /// <summary>Taken before reading the store: an answer read while the subject changed is not kept.</summary>
    public (long Global, long Subject) Generation(string subject) => schemas.Generation(subject);

    public bool TryGet(string key, out byte[] json)
    {
        if (_answers.TryGetValue(key, out var entry) && entry.Until > time.GetUtcNow() && schemas.Generation(entry.Subject) == entry.Generation)
        {
            Interlocked.Increment(ref _hits);
            Server.Metrics.RegistryMetrics.CacheLookup("confluent_lookup", true);
            json = entry.Json;
            return true;
        }
        Server.Metrics.RegistryMetrics.CacheLookup("confluent_lookup", false);
        json = [];
        return false;
    }

    public void Put(string key, string subject, (long Global, long Subject) generation, byte[] json)
    {
        if (schemas.Generation(subject) != generation)
        {
            return;
        }
        if (_answers.Count >= MaxEntries)
        {
            _answers.Clear();
        }
        _answers[key] = new Entry(subject, generation, json, time.GetUtcNow() + Lifetime);
    }

    /// <summary>A change of <paramref name="subject"/> made on this replica: drops its answers (and its cached schema answers) before its event comes round.</summary>
    public void Invalidate(string subject) => schemas.Invalidate(subject);

    private sealed record Entry(string Subject, (long Global, long Subject) Generation, byte[] Json, DateTimeOffset Until);
}
