namespace SchemaRegistry.Core.Errors;

/// <summary>The error catalog: every failure the registry reports carries one of these codes.</summary>
public static class ErrorCode
{
    public const string EnvelopeInvalid = "VAL-1101";
    public const string PayloadInvalid = "VAL-1102";
    public const string SchemaOverLimit = "VAL-1103";
    public const string BacktrackingPattern = "VAL-1104";
    public const string PublishWithoutApproval = "VAL-1201";
    public const string PublishBlockedByDrift = "VAL-1202";
    public const string ApproverIsSubmitter = "VAL-1203";
    public const string ReferenceUnresolved = "VAL-1304";
    public const string ReferenceGraphTooLarge = "VAL-1305";
    public const string Incompatible = "VAL-1401";
    public const string VersionMismatch = "VAL-1402";

    public const string SchemaFetchTimeout = "PIPE-1001";
    public const string BatchValidationFailed = "PIPE-1002";
    public const string BatchOverTimeBudget = "PIPE-1003";
    public const string PipelineUndeclared = "PIPE-1101";
    public const string RunBlocked = "PIPE-1103";
    public const string DriftDetected = "PIPE-1204";
    public const string InvocationError = "PIPE-1301";
    public const string MetadataSyncFailed = "PIPE-1402";

    public const string RequestMalformed = "REQ-1001";
    public const string RequestTooLarge = "REQ-1002";
    public const string UnsupportedMediaType = "REQ-1003";
    public const string RateLimited = "REQ-1004";
    public const string NoSuchEndpoint = "REQ-1005";
    public const string ServerBusy = "REQ-1006";
    public const string RegistryUnreachable = "REQ-1009";
    public const string Unauthenticated = "AUTH-1001";
    public const string Forbidden = "AUTH-1002";
    public const string NotFound = "REG-1001";
    public const string AlreadyExists = "REG-1002";
    public const string TransitionNotAllowed = "REG-1003";
    public const string Immutable = "REG-1004";
    public const string ConcurrentChange = "REG-1005";
    public const string Internal = "REG-1500";

    public const string ArchiveInvalid = "BAK-1001";
    public const string RestoreTargetNotEmpty = "BAK-1002";
    public const string RestoredLedgerBroken = "BAK-1003";
}
