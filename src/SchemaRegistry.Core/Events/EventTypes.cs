using SchemaRegistry.Core.Lifecycle;

namespace SchemaRegistry.Core.Events;

/// <summary>The CloudEvents types the registry emits, one per kind of change.</summary>
public static class EventTypes
{
    public const string SchemaRegistered = "SchemaRegistered";
    public const string SchemaEdited = "SchemaEdited";
    public const string SchemaValidated = "SchemaValidated";
    public const string SchemaSubmitted = "SchemaSubmitted";
    public const string SchemaApproved = "SchemaApproved";
    public const string SchemaRejected = "SchemaRejected";
    public const string SchemaPublished = "SchemaPublished";
    public const string SchemaDeprecated = "SchemaDeprecated";
    public const string ValidationFailed = "ValidationFailed";
    public const string PublishBlocked = "PublishBlocked";
    public const string RunStarted = "RunStarted";
    public const string RunCompleted = "RunCompleted";
    public const string PipelineFailed = "PipelineFailed";
    public const string SchemaDriftDetected = "SchemaDriftDetected";
    public const string DriftAcknowledged = "DriftAcknowledged";
    public const string DriftResolved = "DriftResolved";
    public const string QuarantineReleased = "QuarantineReleased";
    public const string QuarantinePurged = "QuarantinePurged";
    public const string MetadataSyncFailed = "MetadataSyncFailed";
    public const string LineageSynced = "LineageSynced";
    public const string KeyCreated = "KeyCreated";
    public const string KeyRevoked = "KeyRevoked";
    public const string KeyRecovered = "KeyRecovered";
    public const string SubjectConfigChanged = "SubjectConfigChanged";

    /// <summary>A registry setting beside a subject's compatibility: the door's mode or global level, a subject's registration policy.</summary>
    public const string SettingChanged = "SettingChanged";
    public const string SubscriptionCreated = "SubscriptionCreated";
    public const string SubscriptionDeleted = "SubscriptionDeleted";
    public const string ReplayStarted = "ReplayStarted";
    public const string ReplayCancelled = "ReplayCancelled";
    public const string SubscriptionBacklogPurged = "SubscriptionBacklogPurged";
    public const string IncidentAnnotated = "IncidentAnnotated";

    /// <summary>A new major was published, or a version deprecated, while runs pinned to an older or that version were running.</summary>
    public const string RunsAffected = "RunsAffected";

    /// <summary>Records a pipeline worker validated and quarantined were re-validated by the server and stored in the quarantine.</summary>
    public const string QuarantineUploaded = "QuarantineUploaded";

    /// <summary>Numbered versions of a subject hidden from Confluent clients (soft) or for good (permanent); our versions stay.</summary>
    public const string ConfluentVersionsDeleted = "ConfluentVersionsDeleted";

    /// <summary>The event a lifecycle action emits; a forced publish is still a publish.</summary>
    public static string ForAction(SchemaAction action) => action switch
    {
        SchemaAction.Register => SchemaRegistered,
        SchemaAction.Edit => SchemaEdited,
        SchemaAction.Validate => SchemaValidated,
        SchemaAction.Submit => SchemaSubmitted,
        SchemaAction.Approve => SchemaApproved,
        SchemaAction.Reject => SchemaRejected,
        SchemaAction.Publish or SchemaAction.ForcePublish => SchemaPublished,
        SchemaAction.Deprecate => SchemaDeprecated,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No event for this action."),
    };
}
