using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Confluent.Http;

/// <summary>Confluent's error codes, and the mapping from our catalog to them (one place, as for problem details).</summary>
internal static class ConfluentErrors
{
    public const int Unauthorized = 40101;
    public const int Forbidden = 40301;
    public const int SubjectNotFound = 40401;
    public const int VersionNotFound = 40402;
    public const int SchemaNotFound = 40403;
    public const int SubjectSoftDeleted = 40404;
    public const int SubjectNotSoftDeleted = 40405;
    public const int VersionSoftDeleted = 40406;
    public const int VersionNotSoftDeleted = 40407;
    public const int SubjectCompatibilityNotConfigured = 40408;
    public const int SubjectModeNotConfigured = 40409;
    public const int Incompatible = 409;
    public const int InvalidSchema = 42201;
    public const int InvalidVersion = 42202;
    public const int InvalidCompatibilityLevel = 42203;
    public const int InvalidMode = 42204;
    public const int OperationNotPermitted = 42205;
    public const int ReferenceExists = 42206;
    public const int InvalidSubject = 42208;
    public const int SchemaTooLarge = 42209;
    public const int StoreError = 50001;

    public static ConfluentException SubjectMissing(string name) =>
        new(404, SubjectNotFound, $"Subject '{SubjectName.Printable(name)}' not found.");

    public static ConfluentException VersionMissing(string name, string version) =>
        new(404, VersionNotFound, $"Version {SubjectName.Printable(version)} not found for subject '{SubjectName.Printable(name)}'.");

    public static ConfluentException SchemaMissing(string what) => new(404, SchemaNotFound, $"Schema {what} not found.");

    public static ConfluentException NotPermitted(string message) => new(422, OperationNotPermitted, message);

    public static ConfluentException Invalid(string message) => new(422, InvalidSchema, message);

    /// <summary>Our catalog's error as Confluent's status and code; the message keeps our code so logs and answers meet.</summary>
    public static (int Status, int Code) Of(RegistryError error) => error.Code switch
    {
        ErrorCode.Unauthenticated => (401, Unauthorized),
        ErrorCode.Forbidden => (403, Forbidden),
        ErrorCode.RequestTooLarge => (422, SchemaTooLarge),
        ErrorCode.SchemaOverLimit or ErrorCode.BacktrackingPattern => (422, SchemaTooLarge),
        ErrorCode.EnvelopeInvalid or ErrorCode.PayloadInvalid or ErrorCode.ReferenceUnresolved or ErrorCode.ReferenceGraphTooLarge => (422, InvalidSchema),
        ErrorCode.Incompatible or ErrorCode.VersionMismatch => (409, Incompatible),
        ErrorCode.PublishWithoutApproval or ErrorCode.PublishBlockedByDrift or ErrorCode.ApproverIsSubmitter or ErrorCode.TransitionNotAllowed
            or ErrorCode.Immutable => (422, OperationNotPermitted),
        ErrorCode.NotFound => (404, SchemaNotFound),
        ErrorCode.NoSuchEndpoint => (error.Kind == ErrorKind.MethodNotAllowed ? 405 : 404, error.Kind == ErrorKind.MethodNotAllowed ? 405 : 404),
        ErrorCode.RequestMalformed => (400, 400),
        ErrorCode.UnsupportedMediaType => (415, 415),
        ErrorCode.RateLimited => (429, 429),
        ErrorCode.AlreadyExists or ErrorCode.ConcurrentChange => (409, 409),
        ErrorCode.ServerBusy => (503, 50003),
        _ => (500, StoreError),
    };
}
