using System.Collections.Concurrent;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Compiles versions for data validation, once per FQID and content hash: a version's content never changes, so
/// the compiled form is cached for the life of the process.
/// </summary>
internal sealed class DataContractCache(ReferenceLoader references, Layers layers, RegistryOptions options)
{
    private readonly ConcurrentDictionary<(string Fqid, string Hash), Lazy<Task<DataContract>>> _cache = new();

    public async Task<DataContract> GetAsync(SchemaRecord record, CancellationToken cancellationToken)
    {
        var key = (record.Fqid.ToString(), record.ContentHash);
        var hit = _cache.TryGetValue(key, out var entry);
        Metrics.RegistryMetrics.CacheLookup("data_contracts", hit);
        entry ??= _cache.GetOrAdd(key, _ => new Lazy<Task<DataContract>>(() => BuildAsync(record, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _cache.TryRemove(new KeyValuePair<(string, string), Lazy<Task<DataContract>>>(key, entry));
            throw;
        }
    }

    private async Task<DataContract> BuildAsync(SchemaRecord record, CancellationToken cancellationToken)
    {
        var referenced = await references.LoadAsync(ReferenceRules.Parse(record.References, layers, []), cancellationToken);
        var payload = record.Definition.Payload;
        try
        {
            return new DataContract(record.Fqid, record.ContentHash, CompiledDataContract.Compile(payload, referenced, options.CanonicalPrefix));
        }
        catch (SchemaCompileException e)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RunBlocked, ErrorKind.Conflict, "Schema cannot check data",
                $"{record.Fqid} does not compile for data validation: {e.Message}"));
        }
    }
}
