namespace SchemaRegistry.Storage.Ports;

/// <summary>A write lost to another: the row exists already, or changed since it was read.</summary>
public sealed class StoreConflictException(string message, Exception? inner = null) : Exception(message, inner);
