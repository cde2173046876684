using System.Globalization;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>The <c>from</c> and <c>to</c> of a quarantine listing: a day (<c>2025-10-07</c>, whole days, <c>to</c> included) or an instant (ISO 8601).</summary>
internal static class QuarantineWindow
{
    public static DateTimeOffset? Parse(string? text, string name, bool endOfDay)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }
        throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid date",
            $"{name} must be a day (2025-10-07) or an ISO 8601 instant (2025-10-07T12:00:00Z)."));
    }
}
