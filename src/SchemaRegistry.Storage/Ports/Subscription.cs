namespace SchemaRegistry.Storage.Ports;

/// <summary>A webhook: where to deliver which events, the secret that signs them, and how far delivery has come.</summary>
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
    string CreatedBy);
