using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>A published version ready to check data: compiled with its references (and closed variant), and its data shape.</summary>
internal sealed record DataContract(Fqid Fqid, string ContentHash, CompiledDataContract Compiled)
{
    public DataShape Shape => Compiled.Shape;

    public RecordClassifier Classifier(DriftPolicy policy) => Compiled.Classifier(policy);
}
