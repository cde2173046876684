namespace SchemaRegistry.Formats.Avro;

/// <summary>A type name that is neither primitive nor defined so far; <see cref="Candidates"/> are the full names it may mean.</summary>
internal sealed class AvroUndefinedNameException(string written, IReadOnlyList<string> candidates, string location)
    : Exception($"Undefined name: {written} at '{location}'")
{
    public string Written => written;

    public IReadOnlyList<string> Candidates => candidates;
}
