namespace SchemaRegistry.Server.Hosting;

/// <summary>The <c>Registry</c> configuration section.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>Addresses to listen on, separated by ';'.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8081";

    /// <summary>
    /// The registry's public base URL; <c>{PublicUrl}/v1/schema/{fqid}</c> is a schema's canonical URL, usable in
    /// <c>$ref</c> like <c>schemareg:{fqid}</c>. Default: the first of <see cref="Urls"/>.
    /// </summary>
    public string? PublicUrl { get; set; }

    public string CanonicalPrefix => (PublicUrl is { Length: > 0 } url ? url : Urls.Split(';')[0]).TrimEnd('/') + "/v1/schema/";

    /// <summary>Folder for the embedded defaults (SQLite file, blobs, admin.token).</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>
    /// Folder where batches and replays spool records to local disk (owner-only; what crashed processes left there is
    /// removed at start-up); default <c>{DataDir}/spool</c>.
    /// </summary>
    public string? SpoolDir { get; set; }

    /// <summary><c>sqlite:PATH</c>, <c>postgres://user:pass@host:port/db</c> or <c>mysql://user:pass@host:port/db</c> (MySQL 8, MariaDB); default <c>sqlite:{DataDir}/registry.db</c>.</summary>
    public string? Database { get; set; }

    /// <summary><c>file:DIR</c> or <c>s3://bucket/prefix?endpoint=…&amp;region=…</c>; default <c>file:{DataDir}/blobs</c>.</summary>
    public string? Blobs { get; set; }

    /// <summary>
    /// Where quarantined records go when they are kept apart from the schemas (the seeds' <c>s3://warehouse/quarantine</c>):
    /// <c>s3://bucket/prefix?…</c>, <c>file:DIR</c> or a folder path; records land under
    /// <c>{domain}/{layer}/{entity}/{yyyy}/{mm}/{dd}/{run_id}/</c> there. Default: the blob store, under <c>quarantine/</c>.
    /// </summary>
    public string? Quarantine { get; set; }

    /// <summary>The layers a subject may name.</summary>
    public string[] Layers { get; set; } = ["extractor", "raw", "gdp", "kpi"];

    /// <summary>The compatibility mode of subjects and documents that name none (NONE, BACKWARD, … FULL_TRANSITIVE).</summary>
    public string DefaultCompatibility { get; set; } = "BACKWARD";

    public Core.Documents.CompatibilityMode DefaultMode =>
        Core.Documents.WireNames.TryParse(DefaultCompatibility, out Core.Documents.CompatibilityMode mode)
            ? mode
            : throw new InvalidOperationException($"Registry:DefaultCompatibility '{DefaultCompatibility}' is not a compatibility mode.");

    /// <summary>Attempts per event before a webhook delivery is dead-lettered.</summary>
    public int WebhookRetries { get; set; } = 8;

    /// <summary>First retry delay of a failed webhook delivery; it doubles with each attempt (with jitter).</summary>
    public int WebhookBackoffMs { get; set; } = 1000;

    /// <summary>How often the deliverer looks for due subscriptions.</summary>
    public int DeliveryPollMs { get; set; } = 250;

    /// <summary>How long events are kept in the archive (and so can be replayed), in days.</summary>
    public int EventRetentionDays { get; set; } = 30;

    /// <summary>Write logs as one JSON object per line (for log shippers).</summary>
    public bool JsonLogs { get; set; }

    /// <summary>When set, run events are also sent as OpenLineage RunEvents to this URL (a subscription named <c>openlineage</c>).</summary>
    public string? OpenLineageUrl { get; set; }

    /// <summary>The OpenLineage namespace of jobs (pipelines) and contract datasets.</summary>
    public string OpenLineageNamespace { get; set; } = "schemareg";

    /// <summary>How long quarantined records are kept, in days (a background job purges older ones).</summary>
    public int QuarantineRetentionDays { get; set; } = 30;

    /// <summary>
    /// A running run with no batch or heartbeat for this long is abandoned (<c>PipelineFailed</c>, PIPE-1301): the job
    /// died without reporting. In seconds; 0 turns the sweep off.
    /// </summary>
    public double AbandonRunsAfterSeconds { get; set; } = 3600;

    /// <summary>How often each replica looks for silent runs, in seconds.</summary>
    public double AbandonSweepSeconds { get; set; } = 60;

    /// <summary>Largest batch body (<c>POST /v1/runs/{run_id}/batches</c>) accepted, in bytes; it is streamed, not held in memory.</summary>
    public long MaxBatchBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>
    /// On SIGTERM (or Ctrl+C) the server stops accepting connections and lets requests in flight finish for up to this
    /// long, in seconds, before it closes what is left; background work (webhook deliveries, sweeps) stops after that.
    /// </summary>
    public double DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>Largest request body accepted, in bytes.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Size and complexity limits of JSON Schema payloads (<c>Registry:SchemaLimits</c>).</summary>
    public SchemaLimitSettings SchemaLimits { get; set; } = new();

    /// <summary>
    /// Accept patterns that need the backtracking regex engine (lookarounds, backreferences, ECMA <c>\b</c>); off by
    /// default: they are refused with VAL-1104, since they run under a match timeout (200 ms) per value instead of
    /// in linear time.
    /// </summary>
    public bool AllowBacktrackingPatterns { get; set; }

    /// <summary>Most time one batch (<c>POST /v1/runs/{run_id}/batches</c>) may spend validating, in seconds; 0 for no limit.</summary>
    public double BatchTimeBudgetSeconds { get; set; } = 300;

    /// <summary>Expensive checks (validate, compatibility, diff) run at once; default half the CPUs, at least 1.</summary>
    public int MaxConcurrentChecks { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Expensive checks that may wait for a turn; beyond that, 503 REQ-1006 with Retry-After.</summary>
    public int MaxQueuedChecks { get; set; } = 32;

    /// <summary>How long a queued check waits for its turn before it is refused (503 REQ-1006), in seconds.</summary>
    public double CheckQueueSeconds { get; set; } = 30;

    /// <summary>Results of content checks kept (keyed by the payload's hash and the versions it references).</summary>
    public int CheckCacheEntries { get; set; } = 1000;

    internal JsonSchema.Limits.SchemaLimitOptions LimitOptions => SchemaLimits.ToOptions(AllowBacktrackingPatterns);

    /// <summary>Secret of the first admin key, used only when the store has no key yet.</summary>
    public string? AdminToken { get; set; }

    /// <summary>JWT bearer tokens from an OpenID Connect issuer, beside API keys (<c>Registry:Oidc</c>; off unless set).</summary>
    public Auth.OidcOptions Oidc { get; set; } = new();

    /// <summary>
    /// Proxies whose <c>X-Forwarded-For</c>/<c>-Proto</c> headers are believed: addresses or CIDR networks, comma-separated;
    /// none by default.
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>Requests per second per key or token subject (<c>Registry:RateLimit</c>; off by default).</summary>
    public Http.RateLimitOptions RateLimit { get; set; } = new();

    public string DatabaseUrl => Database is { Length: > 0 } db ? db : $"sqlite:{Path.Combine(DataDir, "registry.db")}";

    public string SpoolPath => SpoolDir is { Length: > 0 } spool ? spool : Path.Combine(DataDir, "spool");

    public string BlobsUrl => Blobs is { Length: > 0 } blobs ? blobs : $"file:{Path.Combine(DataDir, "blobs")}";

    /// <summary>The quarantine location as a blob-store URL (a bare folder path becomes <c>file:</c>), or null for the blob store.</summary>
    public string? QuarantineUrl => Quarantine is not { Length: > 0 } q ? null
        : q.StartsWith("s3://", StringComparison.Ordinal) || q.StartsWith("file:", StringComparison.Ordinal) ? q
        : q.Contains("://", StringComparison.Ordinal) ? throw new InvalidOperationException($"Registry:Quarantine '{q.Split('?')[0]}' is not s3://…, file:DIR or a folder.")
        : "file:" + Path.GetFullPath(q);
}
