using System.Text.Json;

namespace SchemaRegistry.Wire;

/// <summary>A schema version as the API returns it.</summary>
/// <param name="Fqid">The exact version, even when an alias was asked for.</param>
/// <param name="Requested">What was asked for, when it differs from <paramref name="Fqid"/>.</param>
/// <param name="Subject">domain.layer.entity.</param>
/// <param name="Version">vMAJOR.MINOR.</param>
/// <param name="State">draft, validated, pending_approval, approved, published, deprecated or rejected.</param>
/// <param name="Owner">The accountable team.</param>
/// <param name="Description">What the records are.</param>
/// <param name="Format">Schema language.</param>
/// <param name="Compatibility">Compatibility mode.</param>
/// <param name="Tags">Free-form labels.</param>
/// <param name="References">FQIDs referenced by <c>schemareg:</c> $refs.</param>
/// <param name="ContentHash">sha256 of the canonical payload.</param>
/// <param name="Payload">The JSON Schema.</param>
/// <param name="CreatedAt">When registered.</param>
/// <param name="CreatedBy">Who registered it.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="UpdatedBy">Who changed it last.</param>
/// <param name="History">Every action on this version, oldest first.</param>
public sealed record SchemaResponse(
    string Fqid,
    string? Requested,
    string Subject,
    string Version,
    string State,
    string Owner,
    string Description,
    string Format,
    string Compatibility,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> References,
    string ContentHash,
    JsonElement Payload,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    string UpdatedBy,
    IReadOnlyList<HistoryItem> History);

/// <summary>One action in a version's history.</summary>
/// <param name="Action">register, edit, validate, submit, approve, reject, publish, force_publish or deprecate.</param>
/// <param name="From">State before.</param>
/// <param name="To">State after.</param>
/// <param name="Principal">Name of the key or user.</param>
/// <param name="PrincipalId">Stable id of the key or user.</param>
/// <param name="Role">Role held.</param>
/// <param name="At">When.</param>
/// <param name="Comment">Comment or reason given.</param>
public sealed record HistoryItem(string Action, string? From, string To, string Principal, string PrincipalId, string Role, DateTimeOffset At, string? Comment);

/// <summary>One version in a subject's listing.</summary>
/// <param name="Fqid">Exact version.</param>
/// <param name="Version">vMAJOR.MINOR.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="ContentHash">sha256 of the canonical payload.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record VersionItem(string Fqid, string Version, string State, string ContentHash, DateTimeOffset UpdatedAt);

/// <summary>Answer of <c>GET /v1/schema/{subject}/versions</c>.</summary>
/// <param name="Subject">domain.layer.entity.</param>
/// <param name="Versions">Oldest first.</param>
public sealed record VersionListResponse(string Subject, IReadOnlyList<VersionItem> Versions);

/// <summary>One subject in a listing.</summary>
/// <param name="Subject">domain.layer.entity.</param>
/// <param name="Domain">Domain part.</param>
/// <param name="Layer">Layer part.</param>
/// <param name="Entity">Entity part.</param>
/// <param name="Versions">Number of versions in any state.</param>
/// <param name="LatestPublished">FQID that <c>:latest</c> resolves to, if any.</param>
/// <param name="UpdatedAt">Last change to any version.</param>
public sealed record SubjectItem(string Subject, string Domain, string Layer, string Entity, int Versions, string? LatestPublished, DateTimeOffset UpdatedAt);

/// <summary>Answer of <c>GET /v1/subjects</c>.</summary>
/// <param name="Subjects">Sorted by name.</param>
public sealed record SubjectListResponse(IReadOnlyList<SubjectItem> Subjects);

/// <summary>Answer of a passing validation.</summary>
/// <param name="Fqid">The version checked.</param>
/// <param name="Valid">Always true here; failures answer as problem details.</param>
/// <param name="State">State after the call.</param>
/// <param name="ContentHash">sha256 of the canonical payload.</param>
/// <param name="References">References checked.</param>
public sealed record ValidationResponse(string Fqid, bool Valid, string State, string ContentHash, IReadOnlyList<string> References);
