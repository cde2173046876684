namespace SchemaRegistry.Wire;

/// <summary>One difference between two schema versions.</summary>
/// <param name="Kind">e.g. property_added, required_added, type_narrowed.</param>
/// <param name="Path">JSON pointer into the schema.</param>
/// <param name="Old">The old value, when there is one.</param>
/// <param name="New">The new value, when there is one.</param>
/// <param name="Backward">Data valid under the old version stays valid; null when it cannot be proven.</param>
/// <param name="Forward">Data valid under the new version was valid under the old; null when it cannot be proven.</param>
/// <param name="Reason">Why, in plain English.</param>
/// <param name="Example">A record that breaks, when one can be given.</param>
public sealed record ChangeItem(string Kind, string Path, string? Old, string? New, bool? Backward, bool? Forward, string Reason, string? Example);

/// <summary>Answer of <c>GET /v1/schema/diff</c>.</summary>
/// <param name="From">Older FQID.</param>
/// <param name="To">Newer FQID.</param>
/// <param name="Backward">Every change is backward compatible.</param>
/// <param name="Forward">Every change is forward compatible.</param>
/// <param name="Changes">Each difference.</param>
public sealed record DiffResponse(string From, string To, bool Backward, bool Forward, IReadOnlyList<ChangeItem> Changes);

/// <summary>
/// Body of <c>POST /v1/schema/compatibility</c>: a registered version by <paramref name="Fqid"/>, or a candidate
/// that is not registered yet (<paramref name="Fqid"/> names the version it would be, <paramref name="Payload"/> its schema).
/// </summary>
/// <param name="Fqid">The (candidate) version.</param>
/// <param name="Payload">The candidate's JSON Schema, when it is not registered.</param>
public sealed record CompatibilityRequest(string? Fqid, System.Text.Json.JsonElement? Payload = null);

/// <summary>Whether a candidate may be published under its subject's mode, and which version bump it needs.</summary>
/// <param name="Fqid">The candidate.</param>
/// <param name="Mode">The mode that applies.</param>
/// <param name="Compatible">True when publishing it would pass the checks.</param>
/// <param name="ComparedWith">The published versions it was checked against.</param>
/// <param name="RequiredBump">none, minor or major: the smallest version step its changes allow.</param>
/// <param name="Changes">Differences from the version it is checked against first.</param>
public sealed record CompatibilityResponse(string Fqid, string Mode, bool Compatible, IReadOnlyList<string> ComparedWith, string RequiredBump, IReadOnlyList<ChangeItem> Changes)
{
    /// <summary>
    /// Set when the candidate is compatible on evidence rather than proof: properties added to an open object, which
    /// the mode cannot prove backward compatible, are the new fields of a drift case whose quarantined records all
    /// pass the candidate. The sentence names the case, the runs and the records; it is recorded with each lifecycle step.
    /// </summary>
    public string? Evidence { get; init; }
}

/// <summary>A subject's configuration (<c>GET/PUT /v1/config/{subject}</c>).</summary>
/// <param name="Subject">domain.layer.entity (absent in a PUT body).</param>
/// <param name="Compatibility">The mode.</param>
/// <param name="Source">subject when set for it, otherwise default.</param>
public sealed record SubjectConfig(string? Subject, string? Compatibility, string? Source = null);
