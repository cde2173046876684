using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>
/// A schema as the resolver holds it: the registry's answer, its entity tag, and whether it is the last known good
/// copy served because the registry could not be reached (<see cref="Stale"/>).
/// </summary>
/// <param name="Schema">The version (exact FQID in <c>Schema.Fqid</c>, the alias asked for in <c>Schema.Requested</c>).</param>
/// <param name="ETag">The entity tag the registry sent, used to revalidate aliases.</param>
/// <param name="Stale">True when the registry was unreachable and this is the last copy fetched.</param>
/// <param name="FetchedAt">When the registry last confirmed this copy.</param>
public sealed record ResolvedSchema(SchemaResponse Schema, string? ETag, bool Stale, DateTimeOffset FetchedAt);
