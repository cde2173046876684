using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Errors;

/// <summary>A failure with its catalog code, kind, a short title and a detail sentence; optional findings.</summary>
public sealed record RegistryError(string Code, ErrorKind Kind, string Title, string Detail)
{
    public IReadOnlyList<Issue> Issues { get; init; } = [];

    public static RegistryError NotFound(string what) =>
        new(ErrorCode.NotFound, ErrorKind.NotFound, "Not found", $"{what} does not exist.");

    public static RegistryError Transition(string detail) =>
        new(ErrorCode.TransitionNotAllowed, ErrorKind.Conflict, "Transition not allowed", detail);

    public static RegistryError Envelope(string detail) =>
        new(ErrorCode.EnvelopeInvalid, ErrorKind.Unprocessable, "Envelope invalid", detail);

    public static RegistryError FromIssues(string title, IReadOnlyList<Issue> issues)
    {
        var first = issues[0];
        return new RegistryError(first.Code, ErrorKind.Unprocessable, title, first.Message) { Issues = issues };
    }
}
