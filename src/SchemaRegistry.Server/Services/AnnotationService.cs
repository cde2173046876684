using System.Text.RegularExpressions;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Events;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Services;

/// <summary>
/// The runbook's post-incident step: tag the schema versions and runs an incident concerned in the governance ledger.
/// Each tag is an ordinary ledger entry (hash-chained, with its event) whose target is the FQID or run and whose
/// reason starts with <c>[INCIDENT-ID]</c>; that prefix is how the incident's entries are found again.
/// </summary>
internal sealed partial class AnnotationService(IRegistryStorage storage, Layers layers, TimeProvider time)
{
    private const int MaxTargets = 100;

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$")]
    private static partial Regex IncidentPattern();

    public async Task<List<AuditEntryResponse>> AnnotateAsync(AnnotationRequest body, Principal actor, CancellationToken ct)
    {
        var incident = CheckIncident(body.Incident);
        TextLimits.Check(body.Note, "note", TextLimits.Comment);
        var targets = new List<(string Target, bool IsRun)>();
        foreach (var text in body.Fqids ?? [])
        {
            if (!Fqid.TryParse(text, layers, out var fqid, out var error))
            {
                throw new RegistryException(RegistryError.Envelope(error));
            }
            _ = await storage.Schemas.GetAsync(fqid, ct) ?? throw new RegistryException(RegistryError.NotFound($"Schema {fqid}"));
            targets.Add((fqid.ToString(), false));
        }
        foreach (var runId in body.Runs ?? [])
        {
            _ = await storage.Pipelines.GetRunAsync(Pipelines.PipelineIds.Check(runId, "run id"), ct) ?? throw new RegistryException(RegistryError.NotFound($"Run {runId}"));
            targets.Add((runId, true));
        }
        targets = targets.Distinct().ToList();
        if (targets.Count is 0 or > MaxTargets)
        {
            throw Invalid($"Name 1 to {MaxTargets} targets in fqids and runs.");
        }
        var now = time.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        await storage.Events.AppendAllAsync(targets.Select(t => EventFactory.IncidentAnnotated(incident, note, Tag(incident), t.Target, t.IsRun, actor, now)).ToList(), ct);
        return await FindAsync(incident, ct);
    }

    public async Task<List<AuditEntryResponse>> FindAsync(string? incidentText, CancellationToken ct)
    {
        var entries = await storage.Audit.ReadAsync(Query(CheckIncident(incidentText)), ct);
        return entries.Select(AuditService.ToResponse).ToList();
    }

    /// <summary>The ledger query that finds an incident's tags.</summary>
    public static AuditQuery Query(string incident, long after = 0, int limit = 10_000) =>
        new(after, Limit: limit, Action: EventTypes.IncidentAnnotated, ReasonPrefix: Tag(incident));

    public static string CheckIncident(string? incident) =>
        !string.IsNullOrEmpty(incident) && IncidentPattern().IsMatch(incident) ? incident
            : throw Invalid("incident must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit.");

    private static string Tag(string incident) => $"[{incident}]";

    private static RegistryException Invalid(string detail) =>
        new(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid annotation", detail));
}
