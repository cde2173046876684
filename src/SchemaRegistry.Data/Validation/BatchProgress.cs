namespace SchemaRegistry.Data.Validation;

/// <summary>Running totals reported after each block of records.</summary>
public readonly record struct BatchProgress(long Records, long Failed);
