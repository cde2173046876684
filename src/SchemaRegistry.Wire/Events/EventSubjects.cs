namespace SchemaRegistry.Wire.Events;

/// <summary>
/// What an event's CloudEvents <c>subject</c> names, the same rule for every type: the FQID of the schema version the
/// event is about (every run event names the version its run pinned); the subject (<c>domain.layer.entity</c>) when it
/// is about a subject rather than one version; otherwise the object's collection and id, as in its URL under
/// <c>/v1/</c> (<c>keys/key_…</c>, <c>subscriptions/sub_…</c>, <c>runs/…</c>). Other ids are in the data.
/// </summary>
public static class EventSubjects
{
    /// <summary>Prefix of the subject of an event about an API key.</summary>
    public const string KeyPrefix = "keys/";

    /// <summary>Prefix of the subject of an event about a webhook subscription.</summary>
    public const string SubscriptionPrefix = "subscriptions/";

    /// <summary>Prefix of the subject of an event about a run itself (an incident tag) or a run whose schema version is not known (a failed sync of a missing run).</summary>
    public const string RunPrefix = "runs/";

    /// <summary>The subject of an event about a registry-wide setting (the Confluent door's global mode and compatibility level).</summary>
    public const string GlobalConfig = "config";

    /// <summary>The subject of an event about the API key <paramref name="keyId"/>.</summary>
    public static string Key(string keyId) => KeyPrefix + keyId;

    /// <summary>The subject of an event about the subscription <paramref name="subscriptionId"/>.</summary>
    public static string Subscription(string subscriptionId) => SubscriptionPrefix + subscriptionId;

    /// <summary>The subject of an event about the run <paramref name="runId"/> itself, or when its schema version is not known.</summary>
    public static string Run(string runId) => RunPrefix + runId;
}
