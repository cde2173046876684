using System.Text.Json.Serialization;

namespace SchemaRegistry.Wire.Events;

/// <summary>Data of KeyCreated (a key created, or the new key of a rotation); the event's subject is <c>keys/{key_id}</c>.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="KeyId">The new key.</param>
/// <param name="Name">Its name.</param>
/// <param name="KeyRole">Its role.</param>
/// <param name="ExpiresAt">When it expires; null: never.</param>
/// <param name="RotatedFrom">The key it replaces; absent unless rotated.</param>
public sealed record KeyCreatedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("key_role")] string KeyRole,
    [property: JsonPropertyName("expires_at")] DateTimeOffset? ExpiresAt,
    [property: JsonPropertyName("rotated_from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RotatedFrom);

/// <summary>Data of KeyRevoked (revoked, or replaced at once by a rotation); the event's subject is <c>keys/{key_id}</c>.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="KeyId">The revoked key.</param>
/// <param name="Name">Its name.</param>
/// <param name="RotatedTo">The key that replaces it; absent unless rotated.</param>
public sealed record KeyRevokedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rotated_to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RotatedTo);

/// <summary>
/// Data of KeyRecovered (a schema-admin key made or re-activated from SCHEMAREG_ADMIN_TOKEN at start-up); the event's
/// subject is <c>keys/{key_id}</c>. The principal is <c>recovery</c>, in the role <c>operator</c>.
/// </summary>
/// <param name="Principal">Always recovery.</param>
/// <param name="PrincipalId">Always recovery.</param>
/// <param name="Role">Always operator.</param>
/// <param name="Reason">Why.</param>
/// <param name="KeyId">The key.</param>
/// <param name="Name">Its name.</param>
/// <param name="KeyRole">Always schema-admin.</param>
/// <param name="Reactivated">True when an existing key was re-activated.</param>
public sealed record KeyRecoveredData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("key_id")] string KeyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("key_role")] string KeyRole,
    [property: JsonPropertyName("reactivated")] bool Reactivated);

/// <summary>Data of SubscriptionCreated; the event's subject is <c>subscriptions/{subscription_id}</c>.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="Url">Where it delivers.</param>
/// <param name="Types">The event types it takes; empty: all.</param>
/// <param name="SubjectPattern">Its subject filter; empty: all.</param>
/// <param name="Format">cloudevents or openlineage.</param>
public sealed record SubscriptionCreatedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("subscription_id")] string SubscriptionId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("types")] IReadOnlyList<string> Types,
    [property: JsonPropertyName("subject_pattern")] string SubjectPattern,
    [property: JsonPropertyName("format")] string Format);

/// <summary>Data of SubscriptionDeleted; the event's subject is <c>subscriptions/{subscription_id}</c>.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="SubscriptionId">The subscription.</param>
public sealed record SubscriptionDeletedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("subscription_id")] string SubscriptionId);

/// <summary>
/// Data of ReplayStarted (a temporary subscription re-delivers a range of a subscription's events); the event's
/// subject is <c>subscriptions/{subscription_id}</c> of the subscription replayed.
/// </summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="ReplayId">The replay (itself a temporary subscription).</param>
/// <param name="Name">The replay's name, set as <c>replayname</c> on what it delivers.</param>
/// <param name="SubscriptionId">The subscription replayed.</param>
/// <param name="FromSequence">First sequence re-delivered.</param>
/// <param name="ToSequence">Last sequence re-delivered.</param>
/// <param name="DeadLettersOnly">True when only the subscription's dead-lettered events are re-delivered.</param>
public sealed record ReplayStartedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("replay_id")] string ReplayId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subscription_id")] string SubscriptionId,
    [property: JsonPropertyName("from_sequence")] long FromSequence,
    [property: JsonPropertyName("to_sequence")] long ToSequence,
    [property: JsonPropertyName("dead_letters_only")] bool DeadLettersOnly);

/// <summary>Data of ReplayCancelled; the event's subject is <c>subscriptions/{subscription_id}</c> of the subscription replayed.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="ReplayId">The replay cancelled.</param>
/// <param name="Name">The replay's name.</param>
/// <param name="SubscriptionId">The subscription replayed.</param>
/// <param name="Cursor">The last sequence the replay delivered.</param>
public sealed record ReplayCancelledData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("replay_id")] string ReplayId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("subscription_id")] string SubscriptionId,
    [property: JsonPropertyName("cursor")] long Cursor);

/// <summary>Data of SubscriptionBacklogPurged (undelivered events skipped); the event's subject is <c>subscriptions/{subscription_id}</c>.</summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="PreviousCursor">Its cursor before the purge.</param>
/// <param name="Cursor">Its cursor after: the last event written at the time.</param>
/// <param name="Skipped">How many events it will not deliver.</param>
public sealed record SubscriptionBacklogPurgedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("subscription_id")] string SubscriptionId,
    [property: JsonPropertyName("previous_cursor")] long PreviousCursor,
    [property: JsonPropertyName("cursor")] long Cursor,
    [property: JsonPropertyName("skipped")] long Skipped);

/// <summary>
/// Data of IncidentAnnotated (a post-incident tag in the ledger); the event's subject is the FQID tagged, or
/// <c>runs/{run_id}</c> for a run. The reason is <c>[INCIDENT] note</c>.
/// </summary>
/// <param name="Principal">Who (the acting key's name).</param>
/// <param name="PrincipalId">The acting key's id.</param>
/// <param name="Role">The acting key's role.</param>
/// <param name="Reason">The tag and note: <c>[INCIDENT] note</c>.</param>
/// <param name="Incident">The incident id.</param>
/// <param name="Note">The note, when given.</param>
/// <param name="Fqid">The schema version tagged; null for a run.</param>
/// <param name="RunId">The run tagged; null for a schema version.</param>
public sealed record IncidentAnnotatedData(
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("principal_id")] string PrincipalId,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("incident")] string Incident,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("fqid")] string? Fqid,
    [property: JsonPropertyName("run_id")] string? RunId);
