using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Tests.Hostile;

/// <summary>
/// Everything a registry holds, read through its API (schemas with their history, configs, keys, subscriptions,
/// pipelines, runs with their batches, drift cases, the event feed and the audit ledger) plus the blob files on disk,
/// as one text: two snapshots are equal when nothing stored changed.
/// </summary>
public static class StoredState
{
    public static async Task<string> ReadAsync(HttpClient admin, string blobsDirectory)
    {
        var text = new StringBuilder();
        async Task AddAsync(string path) => text.Append(path).Append('\n').Append(await admin.GetStringAsync(path)).Append('\n');

        await AddAsync("v1/subjects");
        using (var subjects = JsonDocument.Parse(await admin.GetStringAsync("v1/subjects")))
        {
            foreach (var subject in subjects.RootElement.GetProperty("subjects").EnumerateArray())
            {
                var name = subject.GetProperty("subject").GetString()!;
                await AddAsync($"v1/schema/{name}/versions");
                await AddAsync($"v1/config/{name}");
            }
        }
        await AddAsync("v1/keys");
        await AddAsync("v1/subscriptions");
        await AddAsync("v1/pipelines");
        await AddAsync("v1/runs?limit=1000");
        foreach (var run in JsonSerializer.Deserialize<List<RunResponse>>(await admin.GetStringAsync("v1/runs?limit=1000"), RegistryJson.Options)!)
        {
            await AddAsync($"v1/runs/{run.RunId}");
        }
        await AddAsync("v1/drift");
        await AddAsync("v1/events?after=0&limit=1000");
        await AddAsync("v1/audit/export");
        if (Directory.Exists(blobsDirectory))
        {
            foreach (var file in Directory.EnumerateFiles(blobsDirectory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                text.Append(Path.GetRelativePath(blobsDirectory, file)).Append(' ')
                    .Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
        }
        return text.ToString();
    }
}
