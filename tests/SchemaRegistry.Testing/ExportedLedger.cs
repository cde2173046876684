using SchemaRegistry.Client;
using SchemaRegistry.Core.Audit;

namespace SchemaRegistry.Testing;

/// <summary>The registry's ledger read through the SDK's export, as the entries its hash chain covers.</summary>
public static class ExportedLedger
{
    public static async Task<List<AuditEntry>> ReadAsync(RegistryClient client)
    {
        var entries = new List<AuditEntry>();
        await foreach (var line in client.ExportAuditAsync())
        {
            var e = RegistryClient.ParseAuditLine(line);
            entries.Add(new(e.Sequence, e.At, e.Principal, e.Role, e.Action, e.Target, e.Reason, e.BeforeHash, e.AfterHash, e.PreviousHash, e.Hash));
        }
        return entries;
    }
}
