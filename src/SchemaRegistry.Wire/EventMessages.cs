using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaRegistry.Wire;

/// <summary>A CloudEvents 1.0 event in structured JSON mode, with the registry's <c>sequence</c> extension.</summary>
/// <param name="SpecVersion">Always 1.0.</param>
/// <param name="Id">Unique per event; consumers de-duplicate by it.</param>
/// <param name="Source">The registry.</param>
/// <param name="Type">e.g. SchemaPublished.</param>
/// <param name="Subject">The FQID concerned.</param>
/// <param name="Time">When the change happened.</param>
/// <param name="Sequence">Position in the stream; strictly increasing.</param>
/// <param name="Data">What happened.</param>
public sealed record CloudEvent(
    [property: JsonPropertyName("specversion")] string SpecVersion,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("data")] JsonElement Data)
{
    /// <summary>Set on events delivered again by a replay: the replay's name (CloudEvents extension).</summary>
    [JsonPropertyName("replayname")]
    public string? ReplayName { get; init; }

    /// <summary>The media type of <see cref="Data"/>.</summary>
    [JsonPropertyName("datacontenttype")]
    public string DataContentType { get; init; } = "application/json";
}

/// <summary>Answer of <c>GET /v1/events</c>.</summary>
/// <param name="Events">Oldest first.</param>
/// <param name="Next">The cursor to pass as <c>after</c> for the next page.</param>
public sealed record EventPage(IReadOnlyList<CloudEvent> Events, long Next);

/// <summary>
/// Body of <c>POST /v1/events/replay</c>: re-deliver a range of the stream to one subscription, given by sequence
/// (<paramref name="FromSequence"/>, <paramref name="ToSequence"/>) or by time (<see cref="FromTime"/>, <see cref="ToTime"/>).
/// </summary>
/// <param name="SubscriptionId">The subscription to deliver to.</param>
/// <param name="FromSequence">First sequence to deliver again (inclusive).</param>
/// <param name="ToSequence">Last sequence to deliver again (inclusive).</param>
/// <param name="Types">Only these types; empty for the subscription's own filter.</param>
/// <param name="Name">Marks the replayed events (<c>replayname</c>); generated when absent.</param>
public sealed record ReplayRequest(string? SubscriptionId, long FromSequence, long ToSequence, IReadOnlyList<string>? Types = null, string? Name = null)
{
    /// <summary>Start of a time window (inclusive), instead of sequences: the events archived from then on.</summary>
    public DateTimeOffset? FromTime { get; init; }

    /// <summary>End of the time window (inclusive); now when absent.</summary>
    public DateTimeOffset? ToTime { get; init; }
}

/// <summary>A replay and its progress (<c>GET /v1/events/replays</c>).</summary>
/// <param name="Id">The replay's id.</param>
/// <param name="Name">Its name (<c>replayname</c> on each event).</param>
/// <param name="SubscriptionId">The subscription it re-delivers for.</param>
/// <param name="State">running, completed or cancelled.</param>
/// <param name="FromSequence">First sequence of its range.</param>
/// <param name="ToSequence">Last sequence of its range.</param>
/// <param name="Cursor">The last sequence handled.</param>
/// <param name="PercentDone">How much of the range has been handled, 0 to 100.</param>
/// <param name="DeadLettersOnly">True when it re-delivers only the subscription's dead letters in the range.</param>
/// <param name="CreatedAt">When it was started.</param>
/// <param name="CreatedBy">Who started it.</param>
/// <param name="EndedAt">When it completed or was cancelled.</param>
public sealed record ReplayStatusResponse(string Id, string Name, string? SubscriptionId, string State, long FromSequence, long ToSequence, long Cursor,
    double PercentDone, bool DeadLettersOnly, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? EndedAt);

/// <summary>A replay accepted for delivery.</summary>
/// <param name="Id">The replay's id.</param>
/// <param name="Name">Its name, on every replayed event.</param>
/// <param name="SubscriptionId">Where it delivers.</param>
public sealed record ReplayResponse(string Id, string Name, string SubscriptionId);

/// <summary>One entry of the governance ledger (<c>GET /v1/audit</c>; NDJSON lines of <c>GET /v1/audit/export</c>).</summary>
/// <param name="Sequence">Position in the ledger, from 1, without gaps.</param>
/// <param name="At">When.</param>
/// <param name="Principal">Who (key id, or OIDC subject).</param>
/// <param name="Role">In which role.</param>
/// <param name="Action">What (the event type).</param>
/// <param name="Target">On what (FQID, subject, run, key…).</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="BeforeHash">SHA-256 of the content before, when known.</param>
/// <param name="AfterHash">SHA-256 of the change's content (its event data).</param>
/// <param name="PreviousHash">The previous entry's hash.</param>
/// <param name="Hash">SHA-256 over the previous hash and this entry's fields.</param>
public sealed record AuditEntryResponse(long Sequence, DateTimeOffset At, string Principal, string Role, string Action, string Target,
    string? Reason, string? BeforeHash, string? AfterHash, string PreviousHash, string Hash);

/// <summary>
/// Body of <c>POST /v1/audit/annotations</c>: after an incident, tag the schema versions and pipeline runs it
/// concerned in the ledger, so they can be found again by incident.
/// </summary>
/// <param name="Incident">The incident tracker's id (letters, digits, <c>.</c>, <c>_</c>, <c>:</c>, <c>-</c>; up to 64).</param>
/// <param name="Note">Root cause or corrective action, as recorded in the tracker.</param>
/// <param name="Fqids">Exact schema versions to tag.</param>
/// <param name="Runs">Run ids to tag.</param>
public sealed record AnnotationRequest(string? Incident, string? Note = null, IReadOnlyList<string>? Fqids = null, IReadOnlyList<string>? Runs = null);
