namespace SchemaRegistry.JsonSchema.Keywords;

internal enum BoundKind
{
    Minimum,
    ExclusiveMinimum,
    Maximum,
    ExclusiveMaximum,
}
