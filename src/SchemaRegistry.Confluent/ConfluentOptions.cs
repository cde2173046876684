namespace SchemaRegistry.Confluent;

/// <summary>
/// <c>Registry:Confluent</c>: where subjects with Confluent names (<c>orders-value</c>) live among ours. Such a name
/// becomes the subject <c>{Domain}.{Layer}.{entity}</c>, the entity spelt from the name plus a short hash of it.
/// </summary>
public sealed class ConfluentOptions
{
    public const string Section = "Registry:Confluent";

    public string Domain { get; set; } = "kafka";

    /// <summary>One of the configured layers; empty: <c>raw</c> when configured, else the first layer.</summary>
    public string Layer { get; set; } = "";
}
