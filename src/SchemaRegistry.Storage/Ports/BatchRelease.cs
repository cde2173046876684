namespace SchemaRegistry.Storage.Ports;

/// <summary>What a replay's commit changes in one batch: it now points at its new generation and counts more released.</summary>
public sealed record BatchRelease(int BatchNumber, string OldKey, string NewKey, long Released);
