using SchemaRegistry.Core.Errors;

namespace SchemaRegistry.Core.Checks;

/// <summary>
/// Checks that a payload is a valid schema of its dialect (VAL-1102) and that it compiles with the payloads of the
/// registered schemas it references (VAL-1304 for a reference that still does not resolve).
/// </summary>
public interface IPayloadValidator
{
    /// <param name="payload">The payload's JSON text.</param>
    /// <param name="references">Payloads of referenced schemas by FQID text, transitively; null to skip compiling.</param>
    IReadOnlyList<Issue> Check(string payload, IReadOnlyDictionary<string, string>? references);
}
