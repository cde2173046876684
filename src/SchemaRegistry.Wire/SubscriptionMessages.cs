namespace SchemaRegistry.Wire;

/// <summary>Body of <c>POST /v1/subscriptions</c>.</summary>
/// <param name="Url">Where events are POSTed (CloudEvents structured JSON).</param>
/// <param name="Secret">Signs each delivery: header <c>X-Schemareg-Signature: sha256=HMAC(secret, body)</c>.</param>
/// <param name="Types">Event types to deliver; empty for all.</param>
/// <param name="SubjectPattern">FQID pattern with <c>*</c> wildcards; empty for all.</param>
/// <param name="From"><c>now</c> (default: only later events) or <c>start</c> (the whole stream).</param>
/// <param name="Format"><c>cloudevents</c> (default) or <c>openlineage</c>: run events as OpenLineage RunEvents, nothing else.</param>
public sealed record SubscriptionRequest(string? Url, string? Secret, IReadOnlyList<string>? Types = null, string? SubjectPattern = null, string? From = null, string? Format = null);

/// <summary>A subscription and its delivery progress (the secret is never shown again).</summary>
/// <param name="Id">Stable id.</param>
/// <param name="Url">Delivery address.</param>
/// <param name="Types">Event types delivered; empty for all.</param>
/// <param name="SubjectPattern">FQID pattern.</param>
/// <param name="Cursor">Sequence of the last event handled.</param>
/// <param name="Attempts">Failed attempts at the next event.</param>
/// <param name="CreatedAt">When created.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="Format">cloudevents or openlineage.</param>
public sealed record SubscriptionResponse(string Id, string Url, IReadOnlyList<string> Types, string SubjectPattern, long Cursor, int Attempts, DateTimeOffset CreatedAt, string CreatedBy, string Format = "cloudevents");

/// <summary>An event a subscription gave up on.</summary>
/// <param name="Sequence">The event's sequence.</param>
/// <param name="Attempts">Attempts made.</param>
/// <param name="LastError">The last failure.</param>
/// <param name="At">When it was given up.</param>
public sealed record DeadLetterItem(long Sequence, int Attempts, string LastError, DateTimeOffset At);

/// <summary>Answer of <c>POST /v1/subscriptions/{id}/purge</c>: the backlog skipped.</summary>
/// <param name="SubscriptionId">The subscription.</param>
/// <param name="PreviousCursor">Where its delivery stood.</param>
/// <param name="Cursor">Where it stands now: the last event of the stream.</param>
/// <param name="Skipped">Events of the stream between the two that it will not be sent (whatever its type filter).</param>
public sealed record SubscriptionPurgeResponse(string SubscriptionId, long PreviousCursor, long Cursor, long Skipped);

/// <summary>Optional body of an operator's action on the event stream (purge a backlog, cancel a replay).</summary>
/// <param name="Comment">Why; recorded in the ledger.</param>
public sealed record OperationRequest(string? Comment = null);

/// <summary>Optional body of <c>POST /v1/subscriptions/{id}/dead-letters/replay</c>.</summary>
/// <param name="Name">Replay name, set as <c>replayname</c> on each event; generated when absent.</param>
public sealed record DeadLetterReplayRequest(string? Name = null);
