namespace SchemaRegistry.Wire;

/// <summary>
/// Answer of <c>GET /v1/drift/{id}/proposal</c>: the next version a drift case asks for (the seeds' Example B), not
/// registered. Register <paramref name="Payload"/> under <paramref name="Fqid"/> to take it.
/// </summary>
/// <param name="CaseId">The drift case.</param>
/// <param name="Subject">domain.layer.entity.</param>
/// <param name="Declared">The newest published version, which the candidate extends.</param>
/// <param name="Fqid">The candidate's FQID: the next minor, or the next major when its changes need one.</param>
/// <param name="Payload">The candidate JSON Schema.</param>
/// <param name="Fields">Each drifted field and what the candidate does for it.</param>
/// <param name="Compatibility">The candidate checked as if registered under <paramref name="Fqid"/>: verdicts, reasons, examples and the bump.</param>
public sealed record DriftProposalResponse(long CaseId, string Subject, string Declared, string Fqid, System.Text.Json.JsonElement Payload,
    IReadOnlyList<DriftProposalField> Fields, CompatibilityResponse Compatibility);

/// <summary>A drifted field in a proposal.</summary>
/// <param name="Path">Field path (<c>customer.address.zip</c>).</param>
/// <param name="Kind">new_field, missing_field, type_change or version_deprecated.</param>
/// <param name="Type">The type the candidate gives it (<c>string</c>, <c>integer|null</c>), when it gives one.</param>
/// <param name="Placed">False when the candidate could not take the field (see the note): add it by hand.</param>
/// <param name="Note">What the candidate does for it.</param>
public sealed record DriftProposalField(string Path, string Kind, string? Type, bool Placed, string Note)
{
    /// <summary>What the declared version says of the field: its type, <c>required</c>, or null when it does not declare it.</summary>
    public string? Declared { get; init; }
}
