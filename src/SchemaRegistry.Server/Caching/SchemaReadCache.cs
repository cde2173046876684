using System.Collections.Concurrent;

namespace SchemaRegistry.Server.Caching;

/// <summary>
/// Schema answers by the selector asked for (an FQID or an alias), grouped by subject. Any change of a subject
/// drops its answers: this replica's own writes at once, other replicas' through <see cref="ChangeWatcher"/>, which
/// follows the event stream (well under a second). Bounded: past <see cref="MaxEntries"/> it starts over.
/// </summary>
internal sealed class SchemaReadCache
{
    public const int MaxEntries = 50_000;
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SchemaAnswer>> _bySubject = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private int _count;

    private long _global;

    /// <summary>Taken before reading the store: an answer read while the subject changed is not kept (see <see cref="Put"/>).</summary>
    public (long Global, long Subject) Generation(string subject) => (Interlocked.Read(ref _global), _generations.GetValueOrDefault(subject));

    public bool TryGet(string subject, string selector, out SchemaAnswer response)
    {
        if (_bySubject.TryGetValue(subject, out var answers) && answers.TryGetValue(selector, out response!))
        {
            Metrics.RegistryMetrics.CacheLookup("schemas", true);
            return true;
        }
        Metrics.RegistryMetrics.CacheLookup("schemas", false);
        response = null!;
        return false;
    }

    public void Put(string subject, string selector, SchemaAnswer response, (long Global, long Subject) generation)
    {
        if (Generation(subject) != generation)
        {
            return;
        }
        if (Interlocked.Increment(ref _count) > MaxEntries)
        {
            _bySubject.Clear();
            Interlocked.Exchange(ref _count, 0);
        }
        _bySubject.GetOrAdd(subject, _ => new ConcurrentDictionary<string, SchemaAnswer>(StringComparer.Ordinal))[selector] = response;
    }

    /// <summary>Raised on every change seen here or by the change watcher: the subject, or null when anything may have changed.</summary>
    public event Action<string?>? Invalidated;

    /// <summary>Drops every answer about <paramref name="subject"/> (<c>domain.layer.entity</c>).</summary>
    public void Invalidate(string subject)
    {
        Invalidated?.Invoke(subject);
        _generations.AddOrUpdate(subject, 1, (_, g) => g + 1);
        _bySubject.TryRemove(subject, out _);
    }

    public void Clear()
    {
        Invalidated?.Invoke(null);
        Interlocked.Increment(ref _global);
        _bySubject.Clear();
    }
}
