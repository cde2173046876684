namespace SchemaRegistry.Storage.Ports;

/// <summary>An event a store writes to the outbox inside the transaction of the change it describes.</summary>
public sealed record OutboxEvent(string Type, string Subject, DateTimeOffset Time, string Data);
