namespace SchemaRegistry.Storage.Ports;

/// <summary>Everything the registry keeps, opened from configuration and migrated.</summary>
public interface IRegistryStorage
{
    ISchemaStore Schemas { get; }
    IApiKeyStore Keys { get; }
    ISubjectConfigStore Subjects { get; }
    IEventStore Events { get; }
    ISubscriptionStore Subscriptions { get; }
    IPipelineStore Pipelines { get; }
    IAuditStore Audit { get; }
    IBlobStore Blobs { get; }
    IRegistryBackup Backup { get; }
    IConfluentStore Confluent { get; }
    string DatabaseDescription { get; }
    string BlobsDescription { get; }

    /// <summary>True when the database answers a trivial query.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken);
}
