using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>Loads the payloads of referenced registered schemas, and of everything they reference in turn.</summary>
internal sealed class ReferenceLoader(IRegistryStorage storage, Layers layers)
{
    /// <returns>Payload JSON by FQID text; missing versions are simply absent.</returns>
    public async Task<Dictionary<string, string>> LoadAsync(IEnumerable<Fqid> references, CancellationToken cancellationToken)
    {
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new Queue<Fqid>(references);
        while (pending.TryDequeue(out var fqid))
        {
            if (payloads.ContainsKey(fqid.ToString()) || await storage.Schemas.GetAsync(fqid, cancellationToken) is not { } record)
            {
                continue;
            }
            payloads[fqid.ToString()] = record.Definition.Payload;
            foreach (var next in ReferenceRules.Parse(record.References, layers, []))
            {
                pending.Enqueue(next);
            }
        }
        return payloads;
    }
}
