namespace SchemaRegistry.Core.Errors;

/// <summary>What sort of failure an error is; the HTTP layer maps each kind to one status.</summary>
public enum ErrorKind
{
    BadRequest,
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooLarge,
    UnsupportedMediaType,
    TooManyRequests,
    MethodNotAllowed,
    Unavailable,
    Internal,
}
