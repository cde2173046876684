using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.JsonSchema;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Data.Validation;

/// <summary>
/// Decides each record's outcome under a drift policy. With the schema's closed variant (<see cref="ClosedSchema"/>)
/// one validation pass settles the records that pass; the others get drift detection and validation (none when the
/// closing is exact and the record does not drift), and the full reasons only when they do not pass. While most
/// recent records drift, drift detection goes first instead: under Quarantine and Fail it settles a drifted record
/// alone. The order changes no outcome, only the work. Holds per-record buffers: one classifier per thread.
/// </summary>
public sealed class RecordClassifier(
    CompiledSchema schema, DataShape shape, DriftPolicy policy, bool detectDrift = true, CompiledSchema? closed = null, bool closedIsExact = false)
{
    public const string RescuedField = "_rescued_data";
    public const int MaxReasonsPerRecord = 20;

    /// <summary>Bounds of <see cref="_driftTrend"/>: how many records in a row it takes to change the order.</summary>
    private const int TrendLimit = 16;

    private readonly DriftDetector _drift = new(shape);
    private int _driftTrend = -TrendLimit;
    private byte[] _rescued = [];
    private int _rescuedLength;
    private bool _notUtf8;

    public DriftPolicy Policy => policy;

    public CompiledSchema Schema => schema;

    /// <summary>The drift found in the last record classified (empty when drift detection is off).</summary>
    public IReadOnlyList<DriftFinding> Drift => _drift.Findings;

    /// <summary>How many drift findings the last record classified had (without building them).</summary>
    public int DriftCount => _drift.Count;

    /// <summary>Counts the last record's drift into a batch's report.</summary>
    public void AddDriftTo(DriftReport report, long recordNumber) => _drift.AddTo(report, recordNumber);

    /// <summary>The last record as it passes after rescue (only after <see cref="RecordOutcome.Rescued"/>).</summary>
    public ReadOnlySpan<byte> RescuedJson => _rescued.AsSpan(0, _rescuedLength);

    /// <summary>True while drift detection runs before the closed variant (most recent records drifted).</summary>
    internal bool DriftFirst => _driftTrend > 0;

    public RecordOutcome Classify(ReadOnlySpan<byte> json)
    {
        // Vectorised, so cheap beside validation; the validator itself does not look inside string bytes.
        _notUtf8 = !Utf8.IsValid(json);
        if (_notUtf8)
        {
            _drift.Reset();
            return RecordOutcome.Invalid;
        }
        var closedSaidNo = false;
        if (detectDrift && closed is not null && !DriftFirst)
        {
            if (closed.IsValid(json))
            {
                // Valid against the closed variant: valid, and no field the schema does not declare, so no drift.
                _drift.Reset();
                Follow(drifted: false);
                return RecordOutcome.Valid;
            }
            closedSaidNo = true;
        }
        var drifted = detectDrift && _drift.Inspect(json);
        Follow(drifted);
        if (!drifted || policy == DriftPolicy.Allow)
        {
            // The closed variant has already answered when it is the schema itself, or when closing is exact
            // (CompiledDataContract.ClosedIsExact) and the record did not drift.
            return closedSaidNo && (ReferenceEquals(closed, schema) || (closedIsExact && !drifted)) ? RecordOutcome.Invalid
                : schema.IsValid(json) ? RecordOutcome.Valid : RecordOutcome.Invalid;
        }
        // A drifted record is quarantined (or fails the batch) whether its values are valid or not: no second pass.
        return policy == DriftPolicy.Rescue && TryRescue(json) ? RecordOutcome.Rescued : RecordOutcome.Drifted;
    }

    private void Follow(bool drifted) =>
        _driftTrend = drifted ? Math.Min(_driftTrend + 1, TrendLimit) : Math.Max(_driftTrend - 1, -TrendLimit);

    /// <summary>Every reason the last classified record (given again) did not pass: its drift, then its validation errors.</summary>
    public IReadOnlyList<RecordReason> Explain(ReadOnlySpan<byte> json)
    {
        if (_notUtf8 && Utf8Defect.Find(json) is { } defect)
        {
            return [defect.ToReason()];
        }
        var reasons = new List<RecordReason>();
        foreach (var finding in _drift.Findings)
        {
            reasons.Add(new RecordReason(ErrorCode.DriftDetected, WireNames.Of(finding.Kind), DriftPath.ToPointer(finding.Path), Describe(finding)));
        }
        foreach (var error in schema.Evaluate(json).Errors)
        {
            if (reasons.Count >= MaxReasonsPerRecord)
            {
                break;
            }
            var keyword = error.KeywordLocation.Length == 0 ? "" : error.KeywordLocation[(error.KeywordLocation.LastIndexOf('/') + 1)..];
            reasons.Add(new RecordReason(ErrorCode.BatchValidationFailed, keyword, error.InstanceLocation, error.Message));
        }
        return reasons;
    }

    private static string Describe(DriftFinding finding) => finding.Kind switch
    {
        DriftKind.NewField => $"The field '{finding.Path}' is not declared by the schema.",
        DriftKind.MissingField => $"The required field '{finding.Path}' is absent.",
        DriftKind.TypeChange => $"The field '{(finding.Path.Length == 0 ? "(record)" : finding.Path)}' holds {KindNames.Of(finding.Observed)}; the schema declares {KindNames.Of(finding.Expected)}.",
        _ => "The schema version changed under the run.",
    };

    /// <summary>
    /// Moves every drifted field into <c>_rescued_data</c> (keyed by its path) and checks that what is left is
    /// valid. Fields inside arrays and missing fields cannot be rescued.
    /// </summary>
    private bool TryRescue(ReadOnlySpan<byte> json)
    {
        if (_drift.Findings.Any(f => !f.Rescuable || f.Path.Length == 0 || f.Path.Contains(DriftPath.ArrayMarker, StringComparison.Ordinal)))
        {
            return false;
        }
        if (JsonNode.Parse(json) is not JsonObject record)
        {
            return false;
        }
        var rescued = new JsonObject();
        foreach (var finding in _drift.Findings)
        {
            var segments = finding.Path.Split('.');
            JsonObject? parent = record;
            foreach (var segment in segments[..^1])
            {
                parent = parent?[segment] as JsonObject;
            }
            if (parent is null || !parent.Remove(segments[^1], out var value))
            {
                return false;
            }
            rescued[finding.Path] = value;
        }
        if (!schema.IsValid(JsonSerializer.SerializeToUtf8Bytes(record)))
        {
            return false;
        }
        record[RescuedField] = rescued;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record);
        _rescued = bytes;
        _rescuedLength = bytes.Length;
        return true;
    }
}
