using System.Runtime.CompilerServices;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>The governance ledger.</summary>
public sealed partial class RegistryClient
{
    /// <summary>Ledger entries after a sequence, optionally filtered by target, principal or time.</summary>
    public Task<List<AuditEntryResponse>> ListAuditAsync(long after = 0, string? target = null, string? principal = null, DateTimeOffset? from = null,
        int limit = 1000, CancellationToken cancellationToken = default)
    {
        var query = $"v1/audit?after={after}&limit={limit}" + (target is null ? "" : $"&target={Escape(target)}")
            + (principal is null ? "" : $"&principal={Escape(principal)}") + (from is null ? "" : $"&from={Escape(from.Value.ToString("O"))}");
        return SendAsync<List<AuditEntryResponse>>(HttpMethod.Get, query, null, cancellationToken);
    }

    /// <summary>The whole ledger, streamed in order (NDJSON lines as they arrive).</summary>
    public async IAsyncEnumerable<string> ExportAuditAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/audit/export");
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryApiException(await ReadProblemAsync(response, cancellationToken));
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    /// <summary>Parses one exported ledger line.</summary>
    public static AuditEntryResponse ParseAuditLine(string line) =>
        JsonSerializer.Deserialize<AuditEntryResponse>(line, RegistryJson.Options) ?? throw new JsonException("An empty ledger line.");
}
