namespace SchemaRegistry.Client;

/// <summary>Backups: the whole registry as one archive.</summary>
public sealed partial class RegistryClient
{
    /// <summary>
    /// Streams the registry's backup archive (<c>GET /v1/admin/export</c>, schema-admin) into <paramref name="destination"/>
    /// as it arrives; returns the bytes written. A failure after the first byte surfaces as an <see cref="IOException"/>
    /// (the archive is then cut short, which its manifest check catches).
    /// </summary>
    public async Task<long> ExportArchiveAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "v1/admin/export");
        using var response = await TransportAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new RegistryApiException(await ReadProblemAsync(response, cancellationToken));
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        long copied = 0;
        var buffer = new byte[1 << 16];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            copied += read;
        }
        return copied;
    }
}
