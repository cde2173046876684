using System.Net;
using System.Net.Http.Json;
using SchemaRegistry.Server.Tests.Harness;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Races;

/// <summary>
/// A (forced) publish of A, which references B, and the deprecation of B, sent at once over HTTP: the outcome is
/// that of one of the two orders. Deprecation first: the publish is refused with VAL-1304. Publish first: both pass,
/// and the publish's event comes before the deprecation's. (Issue 22: on the old code both passed in 37 of 40 runs,
/// with the publish's event after the deprecation's.)
/// </summary>
public sealed class PublishDeprecateRaceTests(ITestOutputHelper output)
{
    private const int Trials = 20;

    [Theory]
    [InlineData(Store.Sqlite)]
    [InlineData(Store.Postgres)]
    public async Task A_publish_and_the_deprecation_of_its_reference_end_as_one_of_the_two_orders(Store store)
    {
        await using var server = await RegistryServer.StartAsync(store);
        using var admin = server.Client();
        using var publisher = server.Http();
        using var deprecator = server.Http();
        var (publishedFirst, deprecatedFirst) = (0, 0);
        for (var trial = 0; trial < Trials; trial++)
        {
            var entity = "e" + (char)('a' + trial);
            var target = $"finance.raw.{entity}:v1.0";
            var referrer = $"finance.gdp.{entity}:v1.0";
            await admin.RegisterAsync(Schemas.Draft(target));
            await admin.PublishAsync(target, force: true, reason: "setup");
            await admin.RegisterAsync(Schemas.Referencing(referrer, target));
            Assert.Equal(HttpStatusCode.OK, (await publisher.GetAsync($"v1/schema/{referrer}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await deprecator.GetAsync($"v1/schema/{target}")).StatusCode);

            var answers = await Task.WhenAll(
                publisher.PostAsJsonAsync("v1/schema/publish", new { fqid = referrer, force = true, reason = "race" }),
                deprecator.PostAsJsonAsync("v1/schema/deprecate", new { fqid = target, comment = "race" }));

            Assert.Equal(HttpStatusCode.OK, answers[1].StatusCode);
            var deprecation = await SequenceAsync(admin, target, "SchemaDeprecated");
            if (answers[0].StatusCode == HttpStatusCode.OK)
            {
                publishedFirst++;
                var publish = await SequenceAsync(admin, referrer, "SchemaPublished");
                Assert.True(publish < deprecation, $"Trial {trial}: both passed, but the publish's event {publish} came after the deprecation's {deprecation}.");
            }
            else
            {
                deprecatedFirst++;
                var problem = await answers[0].ProblemAsync(HttpStatusCode.UnprocessableEntity, "VAL-1304");
                Assert.Contains("deprecated", problem.Detail, StringComparison.Ordinal);
                Assert.Equal("draft", (await admin.GetAsync(referrer)).State);
                Assert.Null(await SequenceOrNullAsync(admin, referrer, "SchemaPublished"));
                Assert.True(await SequenceAsync(admin, referrer, "PublishBlocked") > deprecation);
            }
        }
        output.WriteLine($"{store}: {Trials} trials; publish first {publishedFirst}, deprecation first (publish refused) {deprecatedFirst}, neither order 0.");
    }

    private static async Task<long> SequenceAsync(Client.RegistryClient client, string subject, string type) =>
        await SequenceOrNullAsync(client, subject, type) ?? throw new Xunit.Sdk.XunitException($"No {type} event for {subject}.");

    private static async Task<long?> SequenceOrNullAsync(Client.RegistryClient client, string subject, string type)
    {
        var page = await client.ReadEventsAsync(0, type: type, subject: subject);
        return page.Events.Count == 0 ? null : page.Events.Single().Sequence;
    }
}
