using SchemaRegistry.Core.Checks;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Data.Drift;
using SchemaRegistry.Data.Records;
using SchemaRegistry.Data.Validation;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Drift cases and the publish gate: while a subject has an open case, a new version is published only if it
/// accepts the case's quarantined drifted records; publishing it then resolves the case.
/// </summary>
internal sealed class DriftService(IRegistryStorage storage, QuarantineStore quarantine, Layers layers, DataContractCache contracts, TimeProvider time)
{
    public async Task<List<DriftCaseResponse>> ListAsync(string? subjectText, string? statusText, CancellationToken cancellationToken)
    {
        SubjectName? subject = null;
        if (!string.IsNullOrEmpty(subjectText))
        {
            subject = SubjectName.TryParse(subjectText.Split(':')[0], layers, out var parsed, out var error) ? parsed : throw new RegistryException(RegistryError.Envelope(error));
        }
        DriftCaseStatus? status = null;
        if (!string.IsNullOrEmpty(statusText))
        {
            status = WireNames.TryParseIgnoringCase(statusText, out DriftCaseStatus parsed) ? parsed
                : throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid status", "status must be open, acknowledged or resolved."));
        }
        return (await storage.Pipelines.ListDriftCasesAsync(subject, status, cancellationToken)).Select(PipelineMapper.ToResponse).ToList();
    }

    public async Task<DriftCaseResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        PipelineMapper.ToResponse(await LoadAsync(id, cancellationToken));

    public async Task<DriftCaseResponse> AcknowledgeAsync(long id, DriftActionRequest request, Principal actor, CancellationToken cancellationToken)
    {
        TextLimits.Check(request.Comment, "comment", TextLimits.Comment);
        var current = await LoadAsync(id, cancellationToken);
        var now = time.GetUtcNow();
        if (!await storage.Pipelines.AcknowledgeDriftCaseAsync(id, actor.Name, now, [EventFactory.DriftAcknowledged(current, actor.Name, request.Comment, now)], cancellationToken))
        {
            throw new RegistryException(RegistryError.Transition($"Drift case {id} is {WireNames.Of(current.Status)}; only an open case can be acknowledged."));
        }
        return await GetAsync(id, cancellationToken);
    }

    public async Task<DriftCaseResponse> ResolveAsync(long id, DriftActionRequest request, Principal actor, CancellationToken cancellationToken)
    {
        TextLimits.Check(request.Comment, "comment", TextLimits.Comment);
        var current = await LoadAsync(id, cancellationToken);
        if (string.IsNullOrWhiteSpace(request.Comment))
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Comment required",
                "Resolving a drift case by hand needs a comment saying why (publishing a version that accepts the data resolves it on its own)."));
        }
        if (!await ResolveAsync(current, actor.Name, "manual: " + request.Comment.Trim(), cancellationToken))
        {
            throw new RegistryException(RegistryError.Transition($"Drift case {id} is already resolved."));
        }
        return await GetAsync(id, cancellationToken);
    }

    /// <summary>
    /// The publish gate (VAL-1202). Returns the unresolved cases the candidate accepts, to resolve once it is
    /// published; an open case it does not accept blocks. An acknowledged case no longer blocks, but is resolved
    /// the same way when the candidate accepts it.
    /// </summary>
    public async Task<IReadOnlyList<DriftCase>> CheckPublishAsync(SchemaRecord candidate, CancellationToken cancellationToken)
    {
        var cases = (await storage.Pipelines.ListDriftCasesAsync(candidate.Fqid.Subject, null, cancellationToken))
            .Where(c => c.Status != DriftCaseStatus.Resolved)
            .ToList();
        if (cases.Count == 0)
        {
            return [];
        }
        var contract = await contracts.GetAsync(candidate, cancellationToken);
        var accepted = new List<DriftCase>();
        foreach (var driftCase in cases)
        {
            var refusal = await RefusalAsync(driftCase, contract, cancellationToken);
            if (refusal is null)
            {
                accepted.Add(driftCase);
            }
            else if (driftCase.Status == DriftCaseStatus.Open)
            {
                throw new RegistryException(new RegistryError(ErrorCode.PublishBlockedByDrift, ErrorKind.Conflict, "Publish blocked by drift",
                    $"{candidate.Fqid.Subject} has open drift case {driftCase.Id} that {candidate.Fqid} does not resolve: {refusal} " +
                    $"Publish a version that accepts the quarantined records, or acknowledge the case (POST /v1/drift/{driftCase.Id}/ack)."));
            }
        }
        return accepted;
    }

    public async Task ResolvePublishedAsync(IReadOnlyList<DriftCase> cases, SchemaRecord published, Principal actor)
    {
        foreach (var driftCase in cases)
        {
            await ResolveAsync(driftCase, actor.Name, $"published {published.Fqid}", CancellationToken.None);
        }
    }

    private async Task<bool> ResolveAsync(DriftCase driftCase, string principal, string resolution, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await storage.Pipelines.ResolveDriftCaseAsync(driftCase.Id, principal, now, resolution,
            [EventFactory.DriftResolved(driftCase, principal, resolution, now)], cancellationToken);
    }

    /// <summary>
    /// Evidence that properties BACKWARD cannot prove safe are safe for the data the pipelines actually sent: an
    /// unresolved drift case of the subject saw every one of them as a new field, it has quarantined drifted records,
    /// and every one of those records passes the candidate. Null when there is no such case.
    /// </summary>
    /// <param name="addedPaths">Schema locations of the added properties (<c>/properties/a/properties/b</c>).</param>
    public async Task<DriftEvidence?> EvidenceAsync(SchemaRecord candidate, IReadOnlyCollection<string> addedPaths, CancellationToken cancellationToken)
    {
        var cases = (await storage.Pipelines.ListDriftCasesAsync(candidate.Fqid.Subject, null, cancellationToken))
            .Where(c => c.Status != DriftCaseStatus.Resolved);
        foreach (var driftCase in cases)
        {
            var seen = driftCase.Fields.Where(f => f.Kind == DriftKind.NewField).ToDictionary(f => DriftEvidence.SchemaPath(f.Path), f => f.Path);
            if (!addedPaths.All(seen.ContainsKey))
            {
                continue;
            }
            var (refusal, examined) = await CheckRecordsAsync(driftCase, await contracts.GetAsync(candidate, cancellationToken), cancellationToken);
            if (refusal is null && examined > 0)
            {
                return new DriftEvidence(driftCase.Id, examined, driftCase.RunIds, addedPaths.Select(p => seen[p]).ToList());
            }
        }
        return null;
    }

    /// <summary>Why the contract does not accept the case's drifted records, or null when it does.</summary>
    private async Task<string?> RefusalAsync(DriftCase driftCase, DataContract contract, CancellationToken cancellationToken)
    {
        var (refusal, examined) = await CheckRecordsAsync(driftCase, contract, cancellationToken);
        return refusal ?? (examined > 0 ? null : FieldRefusal(driftCase, contract));
    }

    /// <summary>The first of the case's quarantined drifted records the contract refuses, and how many were examined.</summary>
    private async Task<(string? Refusal, long Examined)> CheckRecordsAsync(DriftCase driftCase, DataContract contract, CancellationToken cancellationToken)
    {
        var classifier = contract.Classifier(DriftPolicy.Quarantine);
        var examined = 0L;
        foreach (var runId in driftCase.RunIds)
        {
            foreach (var batch in await storage.Pipelines.ListBatchesAsync(runId, cancellationToken))
            {
                if (batch.QuarantineKey is null)
                {
                    continue;
                }
                await foreach (var record in QuarantinedBatch.ReadAsync(quarantine.Blobs, batch.QuarantineKey, batch.Format, contract.Shape.TopLevelKinds, cancellationToken))
                {
                    if (record.Outcome != "drifted")
                    {
                        continue;
                    }
                    examined++;
                    if (classifier.Classify(record.Json) != RecordOutcome.Valid)
                    {
                        var why = classifier.Explain(record.Json).FirstOrDefault()?.Message ?? "it is not valid.";
                        return ($"record {record.Number} of run {runId} batch {batch.BatchNumber} still does not pass ({why})", examined);
                    }
                }
            }
        }
        return (null, examined);
    }

    /// <summary>Without quarantined records (policy allow, or purged), the case's fields are checked against the shape.</summary>
    private static string? FieldRefusal(DriftCase driftCase, DataContract contract)
    {
        var declared = driftCase.Fields
            .Where(f => f.Kind is DriftKind.NewField or DriftKind.TypeChange)
            .Select(f => new SourceField(f.Path, KindNames.Parse(f.InferredType), Nullable: false))
            .ToList();
        var findings = contract.Shape.Compare(declared)
            .Where(f => f.Kind != DriftKind.MissingField || driftCase.Fields.Any(c => c.Kind == DriftKind.MissingField && c.Path == f.Path))
            .ToList();
        return findings.Count == 0 ? null : $"field '{findings[0].Path}' still drifts ({WireNames.Of(findings[0].Kind)}).";
    }

    private async Task<DriftCase> LoadAsync(long id, CancellationToken cancellationToken) =>
        await storage.Pipelines.GetDriftCaseAsync(id, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Drift case {id}"));
}
