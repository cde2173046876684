using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Bench;

/// <summary>The drift detector alone on a record in memory: the work drift detection adds to each record.</summary>
internal sealed class DataDriftContender(DataShape shape)
    : Contender("drift", "`DriftDetector.Inspect` alone, records in memory", checksSchema: false)
{
    private readonly DriftDetector _detector = new(shape);

    // True when the record did not drift, so the pass's "valid" count is the records without drift.
    public override bool Check(byte[] record) => !_detector.Inspect(record);
}

/// <summary>
/// <see cref="RecordClassifier.Classify"/> on a record in memory (drift detection on, policy quarantine): the
/// per-record decision of <c>data validate</c> without reading, quarantine writing or reasons.
/// </summary>
internal sealed class DataClassifierContender(DataSetup setup)
    : Contender("classify", "`RecordClassifier.Classify` (drift on + `IsValid`), records in memory", checksSchema: true)
{
    private readonly RecordClassifier _classifier = new(setup.Schema, setup.Shape, DriftPolicy.Quarantine, detectDrift: true);

    public override bool Check(byte[] record) => _classifier.Classify(record) == RecordOutcome.Valid;
}

/// <summary>
/// The suggested fix, emulated in memory: <c>IsValid</c> first, the drift detector only on records that fail. Right
/// for a schema whose every object is closed (as the invoice schema): there a valid record cannot have drifted (no
/// undeclared field, no required field absent, no value of an undeclared type), which the run checks on every record.
/// </summary>
internal sealed class DataValidFirstContender(DataSetup setup)
    : Contender("valid-first", "`IsValid`, then `DriftDetector.Inspect` only on the records that fail (suggested fix, emulated), records in memory", checksSchema: true)
{
    private readonly DriftDetector _detector = new(setup.Shape);

    public override bool Check(byte[] record)
    {
        if (setup.Schema.IsValid(record))
        {
            return true;
        }
        _detector.Inspect(record);
        return false;
    }
}
