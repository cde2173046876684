namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// What the Confluent-compatible door keeps beside the schema versions: global schema ids, the names Kafka clients
/// gave subjects that are not ours, the integer version numbers of published versions, and the door's settings.
/// </summary>
public interface IConfluentStore
{
    /// <summary>
    /// The id of the schema with <paramref name="schema"/>'s fingerprint, assigned now when there is none. With
    /// <paramref name="requestedId"/> (IMPORT mode) a new schema gets that id; returns null when the id already names
    /// another schema. Concurrent callers with one fingerprint get one id.
    /// </summary>
    Task<long?> EnsureSchemaIdAsync(StoredSchema schema, long? requestedId, DateTimeOffset at, CancellationToken cancellationToken);

    Task<StoredSchema?> GetSchemaAsync(long id, CancellationToken cancellationToken);

    Task<long?> FindSchemaIdAsync(string fingerprint, CancellationToken cancellationToken);

    /// <summary>Every schema that has references (the caller reads which subject versions they name).</summary>
    Task<IReadOnlyList<StoredSchema>> SchemasWithReferencesAsync(CancellationToken cancellationToken);

    /// <summary>Our subject for a Confluent name that is not one of ours, or null.</summary>
    Task<string?> SubjectOfNameAsync(string name, CancellationToken cancellationToken);

    /// <summary>Every Confluent name with its subject.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken cancellationToken);

    /// <summary>Maps <paramref name="name"/> to <paramref name="subject"/> unless it is mapped already; returns the subject it maps to.</summary>
    Task<string> MapNameAsync(string name, string subject, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>A subject's numbered versions, lowest first.</summary>
    Task<IReadOnlyList<ConfluentVersion>> VersionsAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Every numbered version with the schema <paramref name="schemaId"/>.</summary>
    Task<IReadOnlyList<ConfluentVersion>> VersionsOfSchemaAsync(long schemaId, CancellationToken cancellationToken);

    /// <summary>
    /// Numbers <paramref name="fqid"/> in its subject: <paramref name="version"/> when given (IMPORT), else one past the
    /// highest. Returns false when the FQID is numbered already or (IMPORT) the number is taken.
    /// </summary>
    Task<bool> AppendVersionAsync(string subject, string fqid, long schemaId, int? version, string? metadata, CancellationToken cancellationToken);

    /// <summary>
    /// Marks versions <see cref="ConfluentVersion.Live"/>, soft- or permanently deleted, and writes <paramref name="events"/>
    /// (with their ledger entries) in the same transaction: other replicas learn of it from the event stream.
    /// </summary>
    Task SetDeletedAsync(string subject, IReadOnlyCollection<int> versions, int deleted, IReadOnlyList<OutboxEvent> events, CancellationToken cancellationToken);

    /// <summary>A door setting of a scope ('' for the global one), or null.</summary>
    Task<string?> GetSettingAsync(string scope, string name, CancellationToken cancellationToken);

    /// <summary>Sets a door setting (null removes it) and writes <paramref name="events"/> (with their ledger entries) in the same transaction.</summary>
    Task SetSettingAsync(string scope, string name, string? value, string principal, DateTimeOffset at, IReadOnlyList<OutboxEvent> events,
        CancellationToken cancellationToken);
}

/// <summary>A schema under its global id: its format, text as first registered, references (JSON) and fingerprint.</summary>
public sealed record StoredSchema(long Id, string Fingerprint, string Format, string Text, string References);

/// <summary>One integer version of a subject in the Confluent view.</summary>
public sealed record ConfluentVersion(string Subject, int Version, string Fqid, long SchemaId, int Deleted, string? Metadata)
{
    public const int Live = 0;
    public const int SoftDeleted = 1;
    public const int PermanentlyDeleted = 2;
}
