using SchemaRegistry.Core.Naming;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.JsonSchema;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>A published version ready to check data: compiled with its references, and its data shape.</summary>
internal sealed record DataContract(Fqid Fqid, string ContentHash, CompiledSchema Schema, DataShape Shape);
