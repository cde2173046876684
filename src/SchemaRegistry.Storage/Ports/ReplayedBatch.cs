namespace SchemaRegistry.Storage.Ports;

/// <summary>A batch a replay examines: the quarantine key it read and the key of the generation it writes instead.</summary>
public sealed record ReplayedBatch(int BatchNumber, string OldKey, string NewKey);
