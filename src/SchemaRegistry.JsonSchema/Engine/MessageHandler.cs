using System.Runtime.CompilerServices;

namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>
/// Builds an error message only when errors are being collected: on the boolean path an invalid record costs a
/// comparison, not a formatted string.
/// </summary>
[InterpolatedStringHandler]
internal ref struct MessageHandler
{
    private DefaultInterpolatedStringHandler _inner;
    private readonly bool _enabled;

    public MessageHandler(int literalLength, int formattedCount, EvalContext context, out bool shouldAppend)
    {
        _enabled = shouldAppend = context.Collecting;
        _inner = _enabled ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    public void AppendLiteral(string text) => _inner.AppendLiteral(text);

    public void AppendFormatted<T>(T value) => _inner.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _inner.AppendFormatted(value, format);

    public string ToStringAndClear() => _enabled ? _inner.ToStringAndClear() : "";
}
