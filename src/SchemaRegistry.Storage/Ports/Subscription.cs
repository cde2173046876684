namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// A webhook: where to deliver which events, the secret that signs them, and how far delivery has come. A replay is
/// a temporary subscription with a <see cref="ReplayName"/> that re-delivers up to <see cref="ReplayUntil"/> and then ends.
/// <see cref="Format"/> shapes each delivery; <see cref="Replay"/> says what a replay re-delivers and how far it has come.
/// </summary>
public sealed record Subscription(
    string Id,
    string Url,
    IReadOnlyList<string> Types,
    string SubjectPattern,
    string Secret,
    long Cursor,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    string? ReplayName = null,
    long? ReplayUntil = null,
    string Format = Subscription.CloudEventsFormat,
    ReplayProgress? Replay = null)
{
    public const string CloudEventsFormat = "cloudevents";

    /// <summary>Run events delivered as OpenLineage RunEvents (START, COMPLETE, FAIL); other events are skipped.</summary>
    public const string OpenLineageFormat = "openlineage";
}
