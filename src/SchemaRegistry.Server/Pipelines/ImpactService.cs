using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>A pipeline and the version its pin resolves to now (null when an alias has no published version yet).</summary>
internal sealed record ResolvedPin(PipelineResponse Pipeline, string? Resolved);

/// <summary>What depends on a version, to look at before deprecating it.</summary>
/// <param name="Fqid">The version.</param>
/// <param name="Pipelines">Pipelines whose pin (an exact FQID or an alias such as <c>subject:latest</c>) resolves to it now.</param>
/// <param name="Runs">The newest runs that validated against it.</param>
/// <param name="ReferencedBy">Versions of other subjects whose payload references it.</param>
internal sealed record VersionImpact(string Fqid, IReadOnlyList<PipelineResponse> Pipelines, IReadOnlyList<RunResponse> Runs, IReadOnlyList<string> ReferencedBy);

/// <summary>
/// Impact analysis for one version. Referencing versions come from the catalog's reverse index of references.
/// </summary>
internal sealed class ImpactService(IRegistryStorage storage, PipelineService pipelines, SchemaCatalog catalog, Layers layers)
{
    public async Task<VersionImpact> DependentsAsync(string fqidText, CancellationToken cancellationToken)
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
        var subject = fqid.Subject.ToString();
        var referencing = (await catalog.ReferencingAsync(text, cancellationToken))
            .Where(v => v.Subject != subject)
            .OrderByDescending(v => v.UpdatedAt)
            .Select(v => v.Fqid)
            .ToList();
        return new VersionImpact(text, pinned, runs, referencing);
    }

    /// <summary>Every pipeline with the version its pin (an exact FQID or an alias) resolves to now.</summary>
    public async Task<IReadOnlyList<ResolvedPin>> PinsAsync(CancellationToken cancellationToken)
    {
        var pins = new List<ResolvedPin>();
        foreach (var pipeline in await storage.Pipelines.ListPipelinesAsync(cancellationToken))
        {
            var resolved = pipeline.Schema.Exact ?? await storage.Schemas.ResolveAsync(pipeline.Schema.Subject, pipeline.Schema.Major, cancellationToken);
            pins.Add(new ResolvedPin(PipelineMapper.ToResponse(pipeline), resolved?.ToString()));
        }
        return pins;
    }
}
