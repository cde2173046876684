using System.Text.Json.Serialization;

namespace SchemaRegistry.Wire.Events;

/// <summary>
/// Data of the lifecycle events of a schema version (SchemaRegistered, SchemaEdited, SchemaValidated, SchemaSubmitted,
/// SchemaApproved, SchemaRejected, SchemaPublished, SchemaDeprecated); the event's subject is <see cref="Fqid"/>.
/// </summary>
/// <param name="Fqid">The version.</param>
/// <param name="Action">The action, snake_case (register, edit, validate, submit, approve, reject, publish, force_publish, deprecate).</param>
/// <param name="From">The state before; null for a registration.</param>
/// <param name="To">The state after.</param>
/// <param name="Principal">Who (the key's name).</param>
/// <param name="PrincipalId">The key's id.</param>
/// <param name="Role">The key's role.</param>
/// <param name="Comment">The comment or reason given.</param>
public sealed record SchemaChangedData(
    [property: JsonPropertyName("fqid")] string Fqid,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>
/// Data of ValidationFailed and PublishBlocked: a check refused a validation, submission or publication, and nothing
/// changed (a notification, not a state change); the event's subject is <see cref="Fqid"/>.
/// </summary>
/// <param name="Fqid">The version checked.</param>
/// <param name="Code">The error code (catalog).</param>
/// <param name="Detail">The problem's detail.</param>
/// <param name="Errors">The individual issues.</param>
public sealed record SchemaCheckFailedData(
    [property: JsonPropertyName("fqid")] string Fqid,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("errors")] IReadOnlyList<EventIssue> Errors);

/// <summary>One issue of a failed check.</summary>
/// <param name="Code">Its error code.</param>
/// <param name="Path">Where in the document (JSON pointer).</param>
/// <param name="Message">What is wrong.</param>
public sealed record EventIssue(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// Data of SettingChanged (an administrator changed a setting other than a subject's compatibility mode: the
/// Confluent door's mode or global compatibility level, a subject's registration policy); the event's subject is the
/// subject (<see cref="Scope"/>), or <c>config</c> for a registry-wide setting.
/// </summary>
/// <param name="Principal">Who (the key's name).</param>
/// <param name="PrincipalId">The key's id.</param>
/// <param name="Role">The key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="Scope">The subject (domain.layer.entity), or empty for the registry-wide setting.</param>
/// <param name="Setting">mode, compatibility or registration_policy.</param>
/// <param name="Value">Its new value (READWRITE, READONLY, IMPORT; a compatibility mode; DIRECT or REVIEWED); null when removed (the default applies).</param>
public sealed record SettingChangedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("setting")] string Setting,
    [property: JsonPropertyName("value")] string? Value);

/// <summary>
/// Data of SubjectConfigChanged (an administrator set a subject's compatibility mode); the event's subject is
/// <see cref="Subject"/>.
/// </summary>
/// <param name="Principal">Who (the key's name).</param>
/// <param name="PrincipalId">The key's id.</param>
/// <param name="Role">The key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="Subject">The subject.</param>
/// <param name="Compatibility">Its new compatibility mode.</param>
public sealed record SubjectConfigChangedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("compatibility")] string Compatibility);

/// <summary>
/// Data of ConfluentVersionsDeleted (numbered versions deleted through the Confluent door: hidden from its clients, or
/// for good); the event's subject is <see cref="Subject"/>. A soft delete also deprecates each published version
/// (its own SchemaDeprecated event); global ids stay resolvable either way.
/// </summary>
/// <param name="Principal">Who (the key's name).</param>
/// <param name="PrincipalId">The key's id.</param>
/// <param name="Role">The key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="Subject">Our subject (domain.layer.entity).</param>
/// <param name="Name">The Confluent subject name the request used.</param>
/// <param name="Versions">The integer versions deleted.</param>
/// <param name="Fqids">Our versions they number, in the same order.</param>
/// <param name="Permanent">True for a permanent delete (the numbers are never given again).</param>
public sealed record ConfluentVersionsDeletedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("versions")] IReadOnlyList<int> Versions,
    [property: JsonPropertyName("fqids")] IReadOnlyList<string> Fqids,
    [property: JsonPropertyName("permanent")] bool Permanent);
