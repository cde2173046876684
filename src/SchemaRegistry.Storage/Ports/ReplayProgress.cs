namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// What a replay re-delivers and where it stands: the subscription it replays for (<see cref="Of"/>), the first
/// sequence of its range, whether it re-delivers only that subscription's dead letters, its state
/// (<see cref="Running"/>, <see cref="Completed"/>, <see cref="Cancelled"/>) and when it ended.
/// </summary>
public sealed record ReplayProgress(string? Of, long? From, string State, DateTimeOffset? EndedAt, bool DeadLettersOnly)
{
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";
}
