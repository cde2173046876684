using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>What depends on a version, to look at before deprecating it.</summary>
/// <param name="Fqid">The version.</param>
/// <param name="Pipelines">Pipelines whose pin (an exact FQID or an alias such as <c>subject:latest</c>) resolves to it now.</param>
/// <param name="Runs">The newest runs that validated against it.</param>
/// <param name="ReferencedBy">Versions of other subjects whose payload references it.</param>
internal sealed record VersionImpact(string Fqid, IReadOnlyList<PipelineResponse> Pipelines, IReadOnlyList<RunResponse> Runs, IReadOnlyList<string> ReferencedBy);

/// <summary>
/// Impact analysis for one version. The store keeps no reverse index of references, so referencing versions are found
/// by reading every subject's versions (up to <c>subjects</c> subjects, most recently changed first).
/// </summary>
internal sealed class ImpactService(IRegistryStorage storage, PipelineService pipelines, Layers layers)
{
    public async Task<VersionImpact> DependentsAsync(string fqidText, int subjects, CancellationToken cancellationToken)
    {
        if (!Fqid.TryParse(fqidText, layers, out var fqid, out var error))
        {
            throw new RegistryException(RegistryError.Envelope(error));
        }
        _ = await storage.Schemas.GetAsync(fqid, cancellationToken) ?? throw new RegistryException(RegistryError.NotFound($"Schema {fqid}"));
        var pinned = new List<PipelineResponse>();
        foreach (var pipeline in await storage.Pipelines.ListPipelinesAsync(cancellationToken))
        {
            if (pipeline.Schema.Subject != fqid.Subject)
            {
                continue;
            }
            var resolved = pipeline.Schema.Exact ?? await storage.Schemas.ResolveAsync(pipeline.Schema.Subject, pipeline.Schema.Major, cancellationToken);
            if (resolved == fqid)
            {
                pinned.Add(PipelineMapper.ToResponse(pipeline));
            }
        }
        var runs = await pipelines.ListRunsAsync(null, fqid.ToString(), 100, cancellationToken);
        var text = fqid.ToString();
        var referencing = new List<string>();
        foreach (var summary in (await storage.Schemas.ListSubjectsAsync(new SubjectQuery(null, null, null, subjects), cancellationToken)).OrderByDescending(s => s.UpdatedAt))
        {
            if (summary.Subject == fqid.Subject)
            {
                continue;
            }
            referencing.AddRange((await storage.Schemas.ListVersionsAsync(summary.Subject, cancellationToken))
                .Where(v => v.References.Contains(text, StringComparer.Ordinal))
                .Select(v => v.Fqid.ToString()));
        }
        return new VersionImpact(text, pinned, runs, referencing);
    }
}
