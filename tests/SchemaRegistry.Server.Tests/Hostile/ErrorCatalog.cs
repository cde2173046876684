using System.Reflection;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>Every code of the error catalog, read from <see cref="ErrorCode"/>.</summary>
public static class ErrorCatalog
{
    public static IReadOnlySet<string> Codes { get; } = typeof(ErrorCode)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);
}
