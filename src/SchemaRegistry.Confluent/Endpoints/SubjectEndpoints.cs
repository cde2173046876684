using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary>Confluent's <c>/subjects</c> resource: list, versions, register, look up, delete.</summary>
internal static class SubjectEndpoints
{
    public static void Map(RouteGroupBuilder door)
    {
        door.MapGet("/subjects", ListSubjectsAsync).RequirePermission(Permission.Read);
        door.MapGet("/subjects/{subject}/versions", ListVersionsAsync).RequirePermission(Permission.Read);
        door.MapPost("/subjects/{subject}/versions", RegisterAsync).RequirePermission(Permission.WriteDraft);
        door.MapPost("/subjects/{subject}", LookUpAsync).RequirePermission(Permission.LookUpSchema);
        door.MapDelete("/subjects/{subject}", DeleteSubjectAsync).RequirePermission(Permission.Deprecate);
        door.MapGet("/subjects/{subject}/versions/{version}", GetVersionAsync).RequirePermission(Permission.Read);
        door.MapGet("/subjects/{subject}/versions/{version}/schema", GetVersionSchemaAsync).RequirePermission(Permission.Read);
        door.MapGet("/subjects/{subject}/versions/{version}/referencedby", ReferencedByAsync).RequirePermission(Permission.Read);
        door.MapDelete("/subjects/{subject}/versions/{version}", DeleteVersionAsync).RequirePermission(Permission.Deprecate);
    }

    private static async Task<IResult> ListSubjectsAsync(IRegistryStorage storage, SubjectNames names, ConfluentCatalog catalog, string? subjectPrefix, bool? deleted,
        CancellationToken cancellationToken)
    {
        var named = await names.NamesBySubjectAsync(cancellationToken);
        var subjects = await storage.Schemas.ListSubjectsAsync(new SubjectQuery(null, null, null, int.MaxValue), cancellationToken);
        var listed = new List<string>();
        foreach (var summary in subjects)
        {
            var versions = await catalog.VersionsAsync(summary.Subject, cancellationToken);
            if (versions.Any(v => Visible(v, deleted == true)))
            {
                var name = named.GetValueOrDefault(summary.Subject.ToString()) ?? summary.Subject.ToString();
                if (subjectPrefix is null || name.StartsWith(subjectPrefix, StringComparison.Ordinal))
                {
                    listed.Add(name);
                }
            }
        }
        listed.Sort(StringComparer.Ordinal);
        return ConfluentJson.Ok(listed);
    }

    private static async Task<IResult> ListVersionsAsync(string subject, SubjectNames names, ConfluentCatalog catalog, bool? deleted, CancellationToken cancellationToken)
    {
        var ours = await names.RequireAsync(subject, cancellationToken);
        var versions = (await catalog.VersionsAsync(ours, cancellationToken)).Where(v => Visible(v, deleted == true)).Select(v => v.Version).ToList();
        return versions.Count == 0 ? throw ConfluentErrors.SubjectMissing(subject) : ConfluentJson.Ok(versions);
    }

    private static async Task<IResult> RegisterAsync(string subject, HttpContext context, ConfluentRegistrar registrar, bool? normalize, CancellationToken cancellationToken)
    {
        SubjectNames.Check(subject);
        var request = await ConfluentJson.ReadAsync<RegisterRequest>(context.Request, cancellationToken);
        return ConfluentJson.Ok(await registrar.RegisterAsync(subject, request, normalize == true, context.User.ToPrincipal(), cancellationToken));
    }

    /// <summary>Serializers call this at start-up, often many at once: a found answer is served from <see cref="LookUpCache"/> until its subject changes.</summary>
    private static async Task<IResult> LookUpAsync(string subject, HttpContext context, ConfluentRegistrar registrar, LookUpCache cache, bool? deleted,
        CancellationToken cancellationToken)
    {
        SubjectNames.Check(subject);
        var body = await ConfluentJson.ReadBytesAsync(context.Request, cancellationToken);
        var key = LookUpCache.Key(subject, deleted == true, body);
        if (cache.TryGet(key, out var json))
        {
            return ConfluentJson.OkBytes(json);
        }
        var request = ConfluentJson.Parse<RegisterRequest>(body);
        var (ours, generation, answer) = await registrar.LookUpAsync(subject, request, deleted == true, cancellationToken);
        json = ConfluentJson.Serialize(answer);
        cache.Put(key, ours, generation, json);
        return ConfluentJson.OkBytes(json);
    }

    private static async Task<IResult> GetVersionAsync(string subject, string version, SubjectNames names, ConfluentCatalog catalog, ConfluentAnswers answers,
        bool? deleted, string? format, CancellationToken cancellationToken)
    {
        var picked = await PickAsync(subject, version, names, catalog, deleted == true, cancellationToken);
        return ConfluentJson.Ok(await answers.VersionAsync(subject, picked, cancellationToken, format));
    }

    private static async Task<IResult> GetVersionSchemaAsync(string subject, string version, SubjectNames names, ConfluentCatalog catalog, ConfluentAnswers answers,
        bool? deleted, CancellationToken cancellationToken)
    {
        var picked = await PickAsync(subject, version, names, catalog, deleted == true, cancellationToken);
        return Results.Text((await answers.SchemaAsync(picked.SchemaId, cancellationToken)).Text, ConfluentJson.MediaType, System.Text.Encoding.UTF8);
    }

    private static async Task<IResult> ReferencedByAsync(string subject, string version, SubjectNames names, ConfluentCatalog catalog, ConfluentDeletes deletes,
        CancellationToken cancellationToken)
    {
        var picked = await PickAsync(subject, version, names, catalog, false, cancellationToken);
        return ConfluentJson.Ok(await deletes.ReferencingIdsAsync(subject, picked.Version, cancellationToken));
    }

    private static async Task<IResult> DeleteVersionAsync(string subject, string version, HttpContext context, ConfluentDeletes deletes, bool? permanent,
        CancellationToken cancellationToken) =>
        ConfluentJson.Ok(await deletes.DeleteVersionAsync(subject, version, permanent == true, context.User.ToPrincipal(), cancellationToken));

    private static async Task<IResult> DeleteSubjectAsync(string subject, HttpContext context, ConfluentDeletes deletes, bool? permanent,
        CancellationToken cancellationToken) =>
        ConfluentJson.Ok(await deletes.DeleteSubjectAsync(subject, permanent == true, context.User.ToPrincipal(), cancellationToken));

    private static async Task<ConfluentVersion> PickAsync(string subject, string version, SubjectNames names, ConfluentCatalog catalog, bool deleted,
        CancellationToken cancellationToken)
    {
        if (version is not ("latest" or "-1"))
        {
            ConfluentCatalog.ParseVersion(version); // 42202 before 40401, as Confluent answers a bad version
        }
        var ours = await names.RequireAsync(subject, cancellationToken);
        var versions = await catalog.VersionsAsync(ours, cancellationToken);
        if (!versions.Any(v => Visible(v, deleted)))
        {
            throw ConfluentErrors.SubjectMissing(subject);
        }
        return ConfluentCatalog.Pick(versions, subject, version, deleted);
    }

    private static bool Visible(ConfluentVersion version, bool includeSoftDeleted) =>
        version.Deleted == ConfluentVersion.Live || (includeSoftDeleted && version.Deleted == ConfluentVersion.SoftDeleted);
}
