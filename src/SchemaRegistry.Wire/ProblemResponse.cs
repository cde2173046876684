namespace SchemaRegistry.Wire;

/// <summary>An RFC 9457 problem details body, with the catalog <paramref name="Code"/>.</summary>
/// <param name="Type">URI naming the problem type.</param>
/// <param name="Title">Short summary.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Detail">What went wrong, for a person.</param>
/// <param name="Code">Catalog code, e.g. VAL-1304.</param>
/// <param name="Instance">The request path.</param>
/// <param name="Errors">Every finding, when there are several.</param>
public sealed record ProblemResponse(
    string? Type,
    string? Title,
    int Status,
    string? Detail,
    string? Code,
    string? Instance = null,
    IReadOnlyList<IssueItem>? Errors = null);

/// <summary>One finding of a check.</summary>
/// <param name="Code">Catalog code.</param>
/// <param name="Path">JSON pointer or reference it concerns.</param>
/// <param name="Message">What to fix.</param>
public sealed record IssueItem(string Code, string Path, string Message);
