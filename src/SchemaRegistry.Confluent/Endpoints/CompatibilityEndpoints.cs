using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary>
/// <c>POST /compatibility/subjects/{s}/versions/{v}</c>: the candidate against a version (the transitive levels check
/// every live version when asked about <c>latest</c>); with <c>verbose=true</c> our change list with reasons is in
/// <c>messages</c>.
/// </summary>
internal static class CompatibilityEndpoints
{
    public static void Map(RouteGroupBuilder door) =>
        door.MapPost("/compatibility/subjects/{subject}/versions/{version}", CheckAsync).RequirePermission(Permission.Validate);

    private static async Task<IResult> CheckAsync(string subject, string version, HttpContext context, bool? verbose, SubjectNames names, ConfluentCatalog catalog,
        ConfluentSettings settings, ConfluentRegistrar registrar, SchemaFormats formats, IRegistryStorage storage, CancellationToken cancellationToken)
    {
        if (version is not ("latest" or "-1"))
        {
            ConfluentCatalog.ParseVersion(version);
        }
        var request = await ConfluentJson.ReadAsync<RegisterRequest>(context.Request, cancellationToken);
        var ours = await names.RequireAsync(subject, cancellationToken);
        var candidate = await CandidateSchema.ParseAsync(request, formats, names, catalog, cancellationToken);
        var versions = (await catalog.VersionsAsync(ours, cancellationToken)).Where(v => v.Deleted == ConfluentVersion.Live).ToList();
        if (versions.Count == 0)
        {
            throw ConfluentErrors.SubjectMissing(subject);
        }
        var picked = ConfluentCatalog.Pick(versions, subject, version, includeDeleted: false);
        var level = await settings.CompatibilityAsync(ours, cancellationToken);
        var records = (await storage.Schemas.ListVersionsAsync(ours, cancellationToken)).ToDictionary(r => r.Fqid.ToString(), StringComparer.Ordinal);
        var live = versions.Select(v => records.GetValueOrDefault(v.Fqid)).OfType<Core.Documents.SchemaRecord>().ToList();
        var targets = version is "latest" or "-1" ? ConfluentRegistrar.Targets(live, level) : [records[picked.Fqid]];
        if (live.Count > 0 && live[0].Definition.Format != candidate.Format.Name)
        {
            return ConfluentJson.Ok(new CompatibilityCheckResponse(false, verbose == true
                ? [$"Subject '{SubjectName.Printable(subject)}' holds {live[0].Definition.Format} schemas; the candidate is {candidate.Format.Name}."]
                : null));
        }
        var probe = registrar.Record(new Fqid(ours, new SchemaVersion(0, 0)), candidate, false, level, subject, 0, context.User.ToPrincipal());
        var messages = await registrar.IncompatibilitiesAsync(targets, probe, level, cancellationToken);
        return ConfluentJson.Ok(new CompatibilityCheckResponse(messages.Count == 0, verbose == true ? messages : null));
    }
}
