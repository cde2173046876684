using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Core.References;

/// <summary>
/// Loads every registered version a schema references, and everything those reference in turn: the one closure the
/// server (from its store), the SDK and the CLI (over HTTP) compile and compare against. Each version is fetched once,
/// so a cycle ends where it closes; more than a bound of versions is VAL-1305, so a runaway graph costs a bounded
/// number of fetches.
/// </summary>
public static class ReferenceClosure
{
    /// <summary>The most versions one schema may reach through its references.</summary>
    public const int MaxSchemas = 1000;

    /// <summary>
    /// Fetches the versions <paramref name="references"/> name, breadth first. <paramref name="fetch"/> answers null for
    /// a version that does not exist (it is left out: the caller's checks report missing references), or throws,
    /// which ends the load.
    /// </summary>
    /// <returns>Payload JSON by FQID, as the references spell it.</returns>
    public static async Task<Dictionary<string, string>> LoadAsync(IEnumerable<string> references,
        Func<string, CancellationToken, Task<ReferencedSchema?>> fetch, CancellationToken cancellationToken, int limit = MaxSchemas)
    {
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(references);
        while (pending.TryDequeue(out var fqid))
        {
            if (!seen.Add(fqid))
            {
                continue;
            }
            if (seen.Count > limit)
            {
                throw new RegistryException(new RegistryError(ErrorCode.ReferenceGraphTooLarge, ErrorKind.Unprocessable, "Too many references",
                    $"The schema reaches more than {limit} registered versions through its references."));
            }
            if (await fetch(fqid, cancellationToken) is not { } schema)
            {
                continue;
            }
            payloads[fqid] = schema.Payload;
            foreach (var next in schema.References)
            {
                pending.Enqueue(next);
            }
        }
        return payloads;
    }
}
