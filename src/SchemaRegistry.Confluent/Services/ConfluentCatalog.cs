using System.Collections.Concurrent;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Services;

/// <summary>
/// The Confluent view of our subjects: every version that was ever published gets the next integer version of its
/// subject, in publication order, and the global id of its schema. Versions published through our own API are
/// numbered the first time the door looks at their subject, so the view needs no hook in our publish path.
/// </summary>
internal sealed class ConfluentCatalog(IRegistryStorage storage, SchemaFormats formats, TimeProvider time)
{
    /// <summary>The tag a door registration stores its schema's id in, so numbering it later never recomputes it.</summary>
    public const string SchemaIdTag = "confluent.schema_id";

    private const int MaxCachedSchemas = 10_000;
    private readonly ConcurrentDictionary<long, StoredSchema> _schemas = new();

    public ISchemaFormat FormatOf(string name) =>
        formats.TryGet(name, out var format) ? format : throw new ConfluentException(500, ConfluentErrors.StoreError, $"The format {name} is not registered.");

    /// <summary>A schema by its global id (cached: an id's schema never changes).</summary>
    public async Task<StoredSchema?> SchemaAsync(long id, CancellationToken cancellationToken)
    {
        if (_schemas.TryGetValue(id, out var cached))
        {
            return cached;
        }
        var schema = await storage.Confluent.GetSchemaAsync(id, cancellationToken);
        if (schema is not null && _schemas.Count < MaxCachedSchemas)
        {
            _schemas.TryAdd(id, schema);
        }
        return schema;
    }

    /// <summary>The subject's numbered versions (deleted ones included), numbering any published since the last look.</summary>
    public async Task<IReadOnlyList<ConfluentVersion>> VersionsAsync(SubjectName subject, CancellationToken cancellationToken)
    {
        var name = subject.ToString();
        var numbered = await storage.Confluent.VersionsAsync(name, cancellationToken);
        var records = await storage.Schemas.ListVersionsAsync(subject, cancellationToken);
        var known = numbered.Select(v => v.Fqid).ToHashSet(StringComparer.Ordinal);
        var missing = records.Where(r => r.State is SchemaState.Published or SchemaState.Deprecated && !known.Contains(r.Fqid.ToString())).ToList();
        if (missing.Count == 0)
        {
            return numbered;
        }
        var ordered = new List<(SchemaRecord Record, DateTimeOffset PublishedAt)>();
        foreach (var record in missing)
        {
            var history = await storage.Schemas.GetHistoryAsync(record.Fqid, cancellationToken);
            var published = history.FirstOrDefault(h => h.Action is SchemaAction.Publish or SchemaAction.ForcePublish)?.At ?? record.UpdatedAt;
            ordered.Add((record, published));
        }
        foreach (var (record, _) in ordered.OrderBy(o => o.PublishedAt).ThenBy(o => o.Record.Fqid.Version))
        {
            var id = await IdOfAsync(record, cancellationToken);
            await storage.Confluent.AppendVersionAsync(name, record.Fqid.ToString(), id, null, null, cancellationToken);
        }
        return await storage.Confluent.VersionsAsync(name, cancellationToken);
    }

    /// <summary>The global id of a stored version's schema: the one its door registration recorded, else its fingerprint's.</summary>
    public async Task<long> IdOfAsync(SchemaRecord record, CancellationToken cancellationToken)
    {
        if (record.Definition.Tags.TryGetValue(SchemaIdTag, out var tag) && long.TryParse(tag, System.Globalization.CultureInfo.InvariantCulture, out var tagged))
        {
            return tagged;
        }
        var format = FormatOf(record.Definition.Format);
        var text = SchemaText.FromPayload(record.Definition.Payload);
        var parse = format.Parse(text, new Dictionary<string, string>());
        var normalised = parse.Schema is { } parsed ? format.Normalise(parsed) : text;
        var stored = new StoredSchema(0, SchemaFingerprint.Of(format.Name, normalised, []), format.Name, text, "[]");
        return await storage.Confluent.EnsureSchemaIdAsync(stored, null, time.GetUtcNow(), cancellationToken)
               ?? throw new ConfluentException(500, ConfluentErrors.StoreError, $"No id could be given to {record.Fqid}.");
    }

    /// <summary>A live version by Confluent's spelling: <c>latest</c>, <c>-1</c> or 1 to 2^31-1 (42202 otherwise, 40402 when absent).</summary>
    public static ConfluentVersion Pick(IReadOnlyList<ConfluentVersion> versions, string name, string versionText, bool includeDeleted)
    {
        var visible = versions.Where(v => v.Deleted == ConfluentVersion.Live || (includeDeleted && v.Deleted == ConfluentVersion.SoftDeleted)).ToList();
        if (versionText is "latest" or "-1")
        {
            return visible.Count > 0 ? visible[^1] : throw ConfluentErrors.VersionMissing(name, versionText);
        }
        var number = ParseVersion(versionText);
        return visible.FirstOrDefault(v => v.Version == number) ?? throw ConfluentErrors.VersionMissing(name, versionText);
    }

    public static int ParseVersion(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1
            ? number
            : throw new ConfluentException(422, ConfluentErrors.InvalidVersion,
                $"The specified version '{SubjectName.Printable(text)}' is not a valid version id. Allowed values are between [1, 2^31-1] and the string \"latest\"");
}
