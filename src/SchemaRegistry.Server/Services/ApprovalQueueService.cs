using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>A version waiting for approval, who submitted it, and its check against the published versions before it.</summary>
internal sealed record PendingApproval(SchemaResponse Version, HistoryItem? Submitted, CompatibilityResponse Compatibility);

/// <summary>
/// The versions pending approval, newest first. The store has no index by state, so the subjects changed most
/// recently are scanned first, up to <c>subjects</c> of them.
/// </summary>
internal sealed class ApprovalQueueService(IRegistryStorage storage, CompatibilityService compatibility)
{
    public async Task<IReadOnlyList<PendingApproval>> ListAsync(int subjects, CancellationToken cancellationToken)
    {
        var summaries = await storage.Schemas.ListSubjectsAsync(new SubjectQuery(null, null, null, subjects), cancellationToken);
        var pending = new List<PendingApproval>();
        foreach (var summary in summaries.OrderByDescending(s => s.UpdatedAt).Take(subjects))
        {
            foreach (var record in (await storage.Schemas.ListVersionsAsync(summary.Subject, cancellationToken)).Where(v => v.State == SchemaState.PendingApproval))
            {
                var history = await storage.Schemas.GetHistoryAsync(record.Fqid, cancellationToken);
                var response = SchemaMapper.ToResponse(record, history, null);
                var submitted = response.History.LastOrDefault(h => h.Action == WireNames.Of(SchemaAction.Submit));
                var (report, _) = await compatibility.CheckAsync(record, cancellationToken);
                pending.Add(new PendingApproval(response, submitted, report));
            }
        }
        return pending.OrderByDescending(p => p.Version.UpdatedAt).ToList();
    }
}
