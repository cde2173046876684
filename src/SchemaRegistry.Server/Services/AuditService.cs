using SchemaRegistry.Core.Audit;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Services;

/// <summary>Reads the governance ledger: one page for a query, or all of it in order for an export.</summary>
internal sealed class AuditService(IRegistryStorage storage)
{
    private const int ExportPage = 5000;

    public async Task<List<AuditEntryResponse>> QueryAsync(long? after, string? target, string? principal, DateTimeOffset? from, int? limit, string? incident, CancellationToken ct)
    {
        if (after < 0 || limit is < 1 or > 10_000)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestMalformed, ErrorKind.BadRequest, "Invalid query", "after must be ≥ 0 and limit 1 to 10,000."));
        }
        var query = new AuditQuery(after ?? 0, target, principal, from, limit ?? 1000);
        if (incident is not null)
        {
            query = AnnotationService.Query(AnnotationService.CheckIncident(incident), query.After, query.Limit) with { Target = target, Principal = principal, From = from };
        }
        var entries = await storage.Audit.ReadAsync(query, ct);
        return entries.Select(ToResponse).ToList();
    }

    /// <summary>Every entry in order, read page by page.</summary>
    public async IAsyncEnumerable<AuditEntryResponse> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var page = await storage.Audit.ReadAsync(new AuditQuery(after, Limit: ExportPage), ct);
            foreach (var entry in page)
            {
                yield return ToResponse(entry);
                after = entry.Sequence;
            }
            if (page.Count < ExportPage)
            {
                yield break;
            }
        }
    }

    /// <summary>The whole chain recomputed, as <c>schemareg audit verify</c> does: how many entries, and the first broken one.</summary>
    public async Task<(long Entries, AuditBreak? Broken)> VerifyAsync(CancellationToken ct)
    {
        long after = 0;
        var previousHash = AuditChain.Genesis;
        long count = 0;
        while (true)
        {
            var page = await storage.Audit.ReadAsync(new AuditQuery(after, Limit: ExportPage), ct);
            if (AuditChain.Verify(page, previousHash, after) is { } broken)
            {
                return (count, broken);
            }
            count += page.Count;
            if (page.Count < ExportPage)
            {
                return (count, null);
            }
            after = page[^1].Sequence;
            previousHash = page[^1].Hash;
        }
    }

    public static AuditEntryResponse ToResponse(AuditEntry e) =>
        new(e.Sequence, e.At, e.Principal, e.Role, e.Action, e.Target, e.Reason, e.BeforeHash, e.AfterHash, e.PreviousHash, e.Hash);
}
