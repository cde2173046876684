using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Lifecycle;
using SchemaRegistry.Core.Pipelines;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// The seed's "mid-run version change triggers drift alert": after a new major is published, the runs still running on
/// an older major of the subject are named in a <c>RunsAffected</c> event; after a version is deprecated, the runs
/// pinned to it. The runs keep their pin (a schema never changes under a running job); the event tells operators which
/// jobs to look at. Written after the change commits: the set of running runs is read then.
/// </summary>
internal sealed class MidRunAlerts(IRegistryStorage storage, TimeProvider time)
{
    public async Task AfterChangeAsync(SchemaAction action, SchemaRecord changed, CancellationToken cancellationToken)
    {
        var fqid = changed.Fqid;
        string change;
        Func<RunRecord, bool> affected;
        if (action is SchemaAction.Publish or SchemaAction.ForcePublish && fqid.Version.Minor == 0 && fqid.Version.Major > 1)
        {
            change = "major_published";
            affected = run => run.Fqid.Version.Major < fqid.Version.Major;
        }
        else if (action is SchemaAction.Deprecate)
        {
            change = "version_deprecated";
            affected = run => run.Fqid == fqid;
        }
        else
        {
            return;
        }
        var running = await storage.Pipelines.ListRunsAsync(new RunQuery(Subject: fqid.Subject, Limit: 1000, Statuses: [RunStatus.Running]), cancellationToken);
        var runs = running.Where(affected).OrderBy(r => r.RunId, StringComparer.Ordinal).ToList();
        if (runs.Count == 0)
        {
            return;
        }
        await storage.Events.AppendAsync(EventFactory.RunsAffected(change, fqid, runs, time.GetUtcNow()), cancellationToken);
    }
}
