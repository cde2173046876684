namespace SchemaRegistry.Storage.Ports;

/// <summary>
/// An event as stored: a store writes it to the outbox inside the transaction of the change it describes. Built only by
/// the server's EventFactory (type, subject, data serialised from a Contracts record); storage persists it as given.
/// </summary>
public sealed record OutboxEvent(string Type, string Subject, DateTimeOffset Time, string Data);
