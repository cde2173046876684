namespace SchemaRegistry.Storage.Ports;

/// <summary>An event a subscription gave up on after its retry budget.</summary>
public sealed record DeadLetter(string SubscriptionId, long Sequence, int Attempts, string LastError, DateTimeOffset At);
