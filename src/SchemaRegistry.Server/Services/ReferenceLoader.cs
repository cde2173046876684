using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.References;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>The reference closure (<see cref="ReferenceClosure"/>) read from the store.</summary>
internal sealed class ReferenceLoader(IRegistryStorage storage, Layers layers)
{
    /// <returns>Payload JSON by FQID text; missing versions are simply absent.</returns>
    public Task<Dictionary<string, string>> LoadAsync(IEnumerable<Fqid> references, CancellationToken cancellationToken) =>
        ReferenceClosure.LoadAsync(references.Select(fqid => fqid.ToString()), FetchAsync, cancellationToken);

    private async Task<ReferencedSchema?> FetchAsync(string fqid, CancellationToken cancellationToken) =>
        await storage.Schemas.GetAsync(Fqid.Parse(fqid, layers), cancellationToken) is { } record
            // A stored reference that is not an exact FQID was refused when it was checked; it names nothing to load.
            ? new ReferencedSchema(record.Definition.Payload, ReferenceRules.Parse(record.References, layers, []).Select(f => f.ToString()).ToList())
            : null;
}
