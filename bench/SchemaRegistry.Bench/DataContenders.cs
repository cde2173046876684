using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Bench;

/// <summary>The drift detector alone on a record in memory: what a full drift inspection of a record costs.</summary>
internal sealed class DataDriftContender(DataShape shape)
    : Contender("drift", "`DriftDetector.Inspect` alone, records in memory", checksSchema: false)
{
    private readonly DriftDetector _detector = new(shape);

    // True when the record did not drift, so the pass's "valid" count is the records without drift.
    public override bool Check(byte[] record) => !_detector.Inspect(record);
}

/// <summary>
/// <see cref="RecordClassifier.Classify"/> on a record in memory (drift detection on, policy quarantine): the
/// per-record decision of <c>data validate</c> without reading, quarantine writing or reasons. With the closed
/// variant it is the classifier <c>data validate</c> builds (<see cref="CompiledDataContract.Classifier"/>); without it,
/// drift detection and validation run on every record.
/// </summary>
internal sealed class DataClassifierContender(DataSetup setup, bool closedVariant)
    : Contender(
        closedVariant ? "classify" : "classify-open",
        closedVariant
            ? "`RecordClassifier.Classify` as `data validate` builds it (`CompiledDataContract`, closed-variant fast path), records in memory"
            : "`RecordClassifier.Classify` without the closed variant (drift detection + `IsValid` on every record), records in memory",
        checksSchema: true)
{
    private readonly RecordClassifier _classifier = closedVariant
        ? setup.Contract.Classifier(DriftPolicy.Quarantine)
        : new RecordClassifier(setup.Contract.Schema, setup.Contract.Shape, DriftPolicy.Quarantine, detectDrift: true);

    public override bool Check(byte[] record) => _classifier.Classify(record) == RecordOutcome.Valid;
}
