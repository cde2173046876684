namespace SchemaRegistry.Storage.Ports;

/// <summary>An event as the outbox keeps it: its place in the stream, CloudEvents attributes and JSON data.</summary>
public sealed record StoredEvent(long Sequence, string Id, string Type, string Subject, DateTimeOffset Time, string Data);
