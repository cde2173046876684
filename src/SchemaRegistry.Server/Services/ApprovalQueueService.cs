using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>A version waiting for approval, who submitted it, and its check against the published versions before it.</summary>
internal sealed record PendingApproval(SchemaResponse Version, HistoryItem? Submitted, CompatibilityResponse Compatibility);

/// <summary>
/// The versions pending approval, newest first, found through the catalog's index by state (no subject's versions
/// are read to find them); only the <c>limit</c> newest are read from the store and checked.
/// </summary>
internal sealed class ApprovalQueueService(IRegistryStorage storage, CompatibilityService compatibility, SchemaCatalog catalog, Layers layers)
{
    public async Task<IReadOnlyList<PendingApproval>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var pending = new List<PendingApproval>();
        var waiting = await catalog.InStateAsync(SchemaState.PendingApproval, cancellationToken);
        foreach (var version in waiting.Reverse().Take(Math.Max(0, limit)))
        {
            if (!Fqid.TryParse(version.Fqid, layers, out var fqid, out _)
                || await storage.Schemas.GetAsync(fqid, cancellationToken) is not { State: SchemaState.PendingApproval } record)
            {
                continue;
            }
            var history = await storage.Schemas.GetHistoryAsync(record.Fqid, cancellationToken);
            var response = SchemaMapper.ToResponse(record, history, null);
            var submitted = response.History.LastOrDefault(h => h.Action == WireNames.Of(SchemaAction.Submit));
            var (report, _) = await compatibility.CheckAsync(record, cancellationToken);
            pending.Add(new PendingApproval(response, submitted, report));
        }
        return pending.OrderByDescending(p => p.Version.UpdatedAt).ToList();
    }
}
