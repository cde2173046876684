using System.Globalization;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Why a version that adds typed properties to an open object is accepted as a minor although BACKWARD cannot prove it:
/// the properties are the new fields of drift case <see cref="CaseId"/>, and all <see cref="Records"/> quarantined
/// drifted records of its runs pass the new version. Under the previous version every record that carried one of
/// these fields was drift, so it was quarantined, not passed: the records examined are all the data the pipelines
/// sent with them (a pipeline whose drift policy is <c>allow</c> quarantines nothing and so gives no evidence).
/// </summary>
internal sealed record DriftEvidence(long CaseId, long Records, IReadOnlyList<string> RunIds, IReadOnlyList<string> Fields)
{
    /// <summary>The sentence recorded in the compatibility report, the version's history and the ledger.</summary>
    public string Describe(string fqid) => string.Create(CultureInfo.InvariantCulture,
        $"minor on evidence: {string.Join(", ", Fields)} added to an open object is not provably backward compatible, but all {Records} quarantined record(s) of drift case {CaseId} (runs {string.Join(", ", RunIds)}) validate against {fqid}");

    /// <summary>A drift report's field path (<c>customer.address.zip</c>, <c>lines[].sku</c>) as the schema location a comparison names.</summary>
    public static string SchemaPath(string fieldPath) =>
        string.Concat(fieldPath.Split('.').Select(segment => segment.EndsWith("[]", StringComparison.Ordinal)
            ? "/properties/" + Core.Json.JsonPointer.Escape(segment[..^2]) + "/items"
            : "/properties/" + Core.Json.JsonPointer.Escape(segment)));
}
