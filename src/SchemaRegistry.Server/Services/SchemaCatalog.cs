using System.Collections.Concurrent;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>One version as the console's search sees it.</summary>
public sealed record CatalogVersion(string Fqid, string Subject, string Domain, string Layer, string Version, SchemaState State, string Owner,
    string Description, string Format, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Fields, IReadOnlyList<string> References,
    DateTimeOffset UpdatedAt);

/// <summary>A search over subjects; every given filter must hold. <paramref name="Page"/> counts from 1.</summary>
public sealed record CatalogQuery(string? Text = null, string? Field = null, string? Owner = null, string? Tag = null, string? Format = null,
    string? Domain = null, string? Layer = null, SchemaState? State = null, int Page = 1, int PageSize = 50);

/// <summary>A subject found: its newest version, and the fields that matched a field search (in any version).</summary>
public sealed record CatalogHit(CatalogVersion Latest, int Versions, IReadOnlyList<string> MatchedFields);

public sealed record CatalogPage(IReadOnlyList<CatalogHit> Hits, int Total, int Page, int PageSize)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// Every version's searchable facts (owner, tags, format, state, declared field paths) in memory, loaded from the
/// store on first use, with indexes kept beside them: subjects in name order (a page is cut before anything is
/// built), subjects by declared field path, versions by state and versions by the FQIDs they reference. A subject is
/// reloaded after any change to it, here or on another replica (the read cache's invalidations, which the change
/// watcher also raises), and the indexes are rebuilt once for the changes seen, on the next read; so a search never
/// answers from before a change it saw, and no request scans every subject's versions.
/// </summary>
internal sealed class SchemaCatalog
{
    private readonly IRegistryStorage _storage;
    private readonly Core.Naming.Layers _layers;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, byte> _dirty = new(StringComparer.Ordinal);
    private CatalogSnapshot _snapshot = CatalogSnapshot.Empty;
    private volatile bool _stale = true;

    public SchemaCatalog(IRegistryStorage storage, Core.Naming.Layers layers, Caching.SchemaReadCache cache)
    {
        _storage = storage;
        _layers = layers;
        cache.Invalidated += subject =>
        {
            if (subject is null)
            {
                _stale = true;
            }
            else
            {
                _dirty[subject] = 0;
            }
        };
    }

    public async Task<CatalogPage> SearchAsync(CatalogQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = await CurrentAsync(cancellationToken);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var skip = (long)(page - 1) * size;
        var candidates = query.Field is { Length: > 0 } field ? snapshot.WithField(field) : snapshot.Ordered;
        var hits = new List<CatalogHit>(size);
        var total = 0;
        foreach (var subject in candidates)
        {
            var versions = snapshot.Subjects[subject];
            if (!Matches(versions[^1], query))
            {
                continue;
            }
            if (total >= skip && hits.Count < size)
            {
                hits.Add(new CatalogHit(versions[^1], versions.Count, query.Field is { Length: > 0 } wanted ? MatchedFields(versions, wanted) : []));
            }
            total++;
        }
        return new CatalogPage(hits, total, page, size);
    }

    /// <summary>How many versions are in each state.</summary>
    public async Task<IReadOnlyDictionary<SchemaState, int>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ByState.ToDictionary(p => p.Key, p => p.Value.Count);
    }

    /// <summary>The versions in <paramref name="state"/>, least recently changed first.</summary>
    public async Task<IReadOnlyList<CatalogVersion>> InStateAsync(SchemaState state, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ByState.GetValueOrDefault(state) ?? [];
    }

    /// <summary>The versions whose payload references <paramref name="fqid"/>.</summary>
    public async Task<IReadOnlyList<CatalogVersion>> ReferencingAsync(string fqid, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return snapshot.ReferencedBy.GetValueOrDefault(fqid) ?? [];
    }

    private static bool Matches(CatalogVersion latest, CatalogQuery query) =>
        !((query.Domain is { Length: > 0 } domain && latest.Domain != domain)
            || (query.Layer is { Length: > 0 } layer && latest.Layer != layer)
            || (query.State is { } state && latest.State != state)
            || (query.Format is { Length: > 0 } format && !latest.Format.Equals(format, StringComparison.OrdinalIgnoreCase))
            || (query.Owner is { Length: > 0 } owner && !latest.Owner.Contains(owner, StringComparison.OrdinalIgnoreCase))
            || (query.Tag is { Length: > 0 } tag && !HasTag(latest, tag))
            || (query.Text is { Length: > 0 } text && !HasText(latest, text)));

    private static List<string> MatchedFields(IReadOnlyList<CatalogVersion> versions, string field) =>
        versions.SelectMany(v => v.Fields).Where(f => f.Contains(field, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).Take(10).ToList();

    private static bool HasText(CatalogVersion version, string text) =>
        version.Subject.Contains(text, StringComparison.OrdinalIgnoreCase)
        || version.Owner.Contains(text, StringComparison.OrdinalIgnoreCase)
        || version.Description.Contains(text, StringComparison.OrdinalIgnoreCase)
        || version.Tags.Any(t => t.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || t.Value.Contains(text, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>key</c> or <c>key=value</c>.</summary>
    private static bool HasTag(CatalogVersion version, string tag)
    {
        var equals = tag.IndexOf('=', StringComparison.Ordinal);
        return equals < 0
            ? version.Tags.ContainsKey(tag.Trim())
            : version.Tags.TryGetValue(tag[..equals].Trim(), out var value) && value.Equals(tag[(equals + 1)..].Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        if (!_stale && _dirty.IsEmpty)
        {
            return _snapshot;
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_stale)
            {
                _stale = false;
                _dirty.Clear();
                var all = new Dictionary<string, List<CatalogVersion>>(StringComparer.Ordinal);
                await foreach (var record in _storage.Schemas.ListAllVersionsAsync(cancellationToken))
                {
                    var version = ToVersion(record);
                    if (!all.TryGetValue(version.Subject, out var list))
                    {
                        all[version.Subject] = list = [];
                    }
                    list.Add(version);
                }
                _snapshot = CatalogSnapshot.Of(all.ToDictionary(p => p.Key, p => (IReadOnlyList<CatalogVersion>)p.Value, StringComparer.Ordinal));
            }
            else if (!_dirty.IsEmpty)
            {
                var next = new Dictionary<string, IReadOnlyList<CatalogVersion>>(_snapshot.Subjects, StringComparer.Ordinal);
                foreach (var subject in _dirty.Keys)
                {
                    _dirty.TryRemove(subject, out _);
                    var versions = Core.Naming.SubjectName.TryParse(subject, _layers, out var name, out _)
                        ? await _storage.Schemas.ListVersionsAsync(name, cancellationToken)
                        : [];
                    if (versions.Count == 0)
                    {
                        next.Remove(subject);
                    }
                    else
                    {
                        next[subject] = versions.Select(ToVersion).ToList();
                    }
                }
                _snapshot = CatalogSnapshot.Of(next);
            }
            return _snapshot;
        }
        catch
        {
            _stale = true;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static CatalogVersion ToVersion(SchemaRecord record)
    {
        var definition = record.Definition;
        var subject = record.Fqid.Subject;
        return new CatalogVersion(record.Fqid.ToString(), subject.ToString(), subject.Domain, subject.Layer, record.Fqid.Version.ToString(), record.State,
            definition.Owner, definition.Description, definition.Format, definition.Tags, FieldPaths.Of(definition.Payload), record.References, record.UpdatedAt);
    }
}
