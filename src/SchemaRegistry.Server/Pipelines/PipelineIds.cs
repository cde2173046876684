using System.Text.RegularExpressions;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Pipeline and run ids name blob-store folders and appear in URLs: letters, digits and <c>_ . -</c>, starting
/// with a letter or digit, at most 128 characters (so no <c>..</c>, <c>/</c>, NUL or look-alikes reach a path).
/// </summary>
internal static partial class PipelineIds
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex Pattern();

    public static string Check(string? id, string field)
    {
        if (string.IsNullOrEmpty(id) || !Pattern().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, $"Invalid {field}",
                $"{field} must be 1 to 128 letters, digits, '_', '.' or '-', starting with a letter or digit (got '{Core.Naming.SubjectName.Printable(id ?? "")}')."));
        }
        return id;
    }
}
