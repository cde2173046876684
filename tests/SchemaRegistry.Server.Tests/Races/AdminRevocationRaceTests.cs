using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Races;

/// <summary>
/// Two schema-admin keys, the only active ones, revoke each other over HTTP at the same instant: exactly one
/// revocation passes and an admin key is left, trial after trial (issue 22: on the old code both passed, 10 of 10).
/// </summary>
public sealed class AdminRevocationRaceTests(ITestOutputHelper output)
{
    private const int Trials = 20;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task Two_admins_revoking_each_other_at_once_leave_exactly_one_admin(Store store)
    {
        await using var server = await RegistryServer.StartAsync(store);
        var (survivorSecret, survivorId) = (RegistryServer.AdminToken, "key_admin");
        var refusals = new Dictionary<HttpStatusCode, int>();
        for (var trial = 0; trial < Trials; trial++)
        {
            using var survivor = server.Client(survivorSecret);
            var left = await survivor.CreateKeyAsync(new CreateKeyRequest($"left-{trial}", "schema-admin"));
            var right = await survivor.CreateKeyAsync(new CreateKeyRequest($"right-{trial}", "schema-admin"));
            await survivor.RevokeKeyAsync(survivorId);
            using var leftHttp = server.Http(left.Secret);
            using var rightHttp = server.Http(right.Secret);
            // Warm both connections (and the key cache) so the two revocations arrive together.
            Assert.Equal(HttpStatusCode.OK, (await leftHttp.GetAsync("v1/keys")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await rightHttp.GetAsync("v1/keys")).StatusCode);

            var answers = await Task.WhenAll(leftHttp.DeleteAsync($"v1/keys/{right.Id}"), rightHttp.DeleteAsync($"v1/keys/{left.Id}"));

            var statuses = answers.Select(a => a.StatusCode).ToList();
            Assert.True(statuses.Count(s => s == HttpStatusCode.OK) == 1, $"Trial {trial}: {string.Join(", ", statuses)}");
            // The loser is refused as the last admin (409), or, if the winner's revocation came first, no longer authenticated (401).
            var lost = statuses.Single(s => s != HttpStatusCode.OK);
            Assert.Contains(lost, new[] { HttpStatusCode.Conflict, HttpStatusCode.Unauthorized });
            refusals[lost] = refusals.GetValueOrDefault(lost) + 1;
            var winner = statuses[0] == HttpStatusCode.OK ? left : right;
            using var winnerClient = server.Client(winner.Secret);
            var active = (await winnerClient.ListKeysAsync()).Keys
                .Where(k => k.Role == WireNames.Of(Role.SchemaAdmin) && k.RevokedAt is null && k.ExpiresAt is null).ToList();
            Assert.Equal([winner.Id], active.Select(k => k.Id));
            (survivorSecret, survivorId) = (winner.Secret!, winner.Id);
        }
        output.WriteLine($"{store}: {Trials} trials, exactly one revocation passed in each; the other: " +
            string.Join(", ", refusals.Select(r => $"{(int)r.Key} ×{r.Value}")));
    }

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task The_last_admin_key_without_expiry_is_not_rotated_into_one_that_expires(Store store)
    {
        await using var server = await RegistryServer.StartAsync(store);
        using var admin = server.Http();
        var expiring = await admin.PostAsJsonAsync("v1/keys/key_admin/rotate", new { expires_at = DateTimeOffset.UtcNow.AddDays(1) });
        await expiring.ProblemAsync(HttpStatusCode.Conflict, "REG-1003");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("v1/keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("v1/keys/key_admin/rotate", new { grace_seconds = 60 })).StatusCode);
    }
}
