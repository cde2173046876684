using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.Checks;

/// <summary>How long the free-text fields of a request may be; longer is REQ-1001 naming the field.</summary>
public static class TextLimits
{
    /// <summary>Comments, reasons and a job's own error message.</summary>
    public const int Comment = 2000;

    /// <summary>Owners and other short labels.</summary>
    public const int Label = 128;

    /// <summary>Output paths and other locations.</summary>
    public const int Location = 2048;

    public static string? Check(string? value, string field, int maxLength) =>
        value is { } text && text.Length > maxLength
            ? throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest,
                $"{field} too long", $"{field} may have at most {maxLength} characters; it has {text.Length}."))
            : value;
}
