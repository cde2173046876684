namespace SchemaRegistry.Wire;

/// <summary>
/// The error catalog: every failure the registry reports (problem details, CLI output, events, logs) carries one of
/// these codes. It lives with the wire messages so the server, the SDK and the CLI read the same constants; nowhere
/// else is a code spelled out.
/// </summary>
public static class ErrorCode
{
    /// <summary>The envelope is invalid (missing field, bad FQID, unknown layer, owner missing).</summary>
    public const string EnvelopeInvalid = "VAL-1101";

    /// <summary>The payload is not a valid schema for its dialect.</summary>
    public const string PayloadInvalid = "VAL-1102";

    /// <summary>The schema exceeds a size or depth limit.</summary>
    public const string SchemaOverLimit = "VAL-1103";

    /// <summary>A pattern could backtrack catastrophically.</summary>
    public const string BacktrackingPattern = "VAL-1104";

    /// <summary>Publish without approval.</summary>
    public const string PublishWithoutApproval = "VAL-1201";

    /// <summary>Publish blocked: the subject has an open drift case the new version does not resolve.</summary>
    public const string PublishBlockedByDrift = "VAL-1202";

    /// <summary>The approver is the submitter.</summary>
    public const string ApproverIsSubmitter = "VAL-1203";

    /// <summary>A reference is missing or not published.</summary>
    public const string ReferenceUnresolved = "VAL-1304";

    /// <summary>The reference closure is beyond its bound.</summary>
    public const string ReferenceGraphTooLarge = "VAL-1305";

    /// <summary>The change is incompatible under the subject's compatibility mode.</summary>
    public const string Incompatible = "VAL-1401";

    /// <summary>The version number does not match the change (incompatible change without a MAJOR bump).</summary>
    public const string VersionMismatch = "VAL-1402";

    /// <summary>Schema fetch timeout (SDK).</summary>
    public const string SchemaFetchTimeout = "PIPE-1001";

    /// <summary>Batch validation failed.</summary>
    public const string BatchValidationFailed = "PIPE-1002";

    /// <summary>A batch took longer than its time budget.</summary>
    public const string BatchOverTimeBudget = "PIPE-1003";

    /// <summary>The pipeline is not declared, or declares no FQID.</summary>
    public const string PipelineUndeclared = "PIPE-1101";

    /// <summary>Run blocked: incompatible schema.</summary>
    public const string RunBlocked = "PIPE-1103";

    /// <summary>Drift detected.</summary>
    public const string DriftDetected = "PIPE-1204";

    /// <summary>Invocation error.</summary>
    public const string InvocationError = "PIPE-1301";

    /// <summary>Metadata sync failure.</summary>
    public const string MetadataSyncFailed = "PIPE-1402";

    /// <summary>The request is malformed.</summary>
    public const string RequestMalformed = "REQ-1001";

    /// <summary>The request body is too large.</summary>
    public const string RequestTooLarge = "REQ-1002";

    /// <summary>The request's media type is not supported.</summary>
    public const string UnsupportedMediaType = "REQ-1003";

    /// <summary>Too many requests.</summary>
    public const string RateLimited = "REQ-1004";

    /// <summary>No endpoint answers this path and method.</summary>
    public const string NoSuchEndpoint = "REQ-1005";

    /// <summary>The server is busy; retry later.</summary>
    public const string ServerBusy = "REQ-1006";

    /// <summary>The registry cannot be reached (connection refused, name not resolved, TLS failure).</summary>
    public const string RegistryUnreachable = "REQ-1009";

    /// <summary>No valid credentials.</summary>
    public const string Unauthenticated = "AUTH-1001";

    /// <summary>The principal's role does not allow this.</summary>
    public const string Forbidden = "AUTH-1002";

    /// <summary>The object does not exist.</summary>
    public const string NotFound = "REG-1001";

    /// <summary>The object already exists.</summary>
    public const string AlreadyExists = "REG-1002";

    /// <summary>The lifecycle does not allow this transition from the current state.</summary>
    public const string TransitionNotAllowed = "REG-1003";

    /// <summary>Published content is immutable.</summary>
    public const string Immutable = "REG-1004";

    /// <summary>Another change got there first.</summary>
    public const string ConcurrentChange = "REG-1005";

    /// <summary>An internal error.</summary>
    public const string Internal = "REG-1500";

    /// <summary>The backup archive is invalid.</summary>
    public const string ArchiveInvalid = "BAK-1001";

    /// <summary>The restore target already holds data.</summary>
    public const string RestoreTargetNotEmpty = "BAK-1002";

    /// <summary>The restored audit ledger's hash chain is broken.</summary>
    public const string RestoredLedgerBroken = "BAK-1003";
}
