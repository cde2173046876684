using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Formats;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary>Confluent's <c>/schemas</c> resource: a schema by its global id, where it is used, and the formats held.</summary>
internal static class SchemaIdEndpoints
{
    public static void Map(RouteGroupBuilder door)
    {
        door.MapGet("/schemas/ids/{id}", GetAsync).RequirePermission(Permission.Read);
        door.MapGet("/schemas/ids/{id}/schema", GetTextAsync).RequirePermission(Permission.Read);
        door.MapGet("/schemas/ids/{id}/versions", VersionsAsync).RequirePermission(Permission.Read);
        door.MapGet("/schemas/ids/{id}/subjects", SubjectsAsync).RequirePermission(Permission.Read);
        door.MapGet("/schemas/types", Types).RequirePermission(Permission.Read);
    }

    private static async Task<IResult> GetAsync(string id, ConfluentAnswers answers, string? format, CancellationToken cancellationToken) =>
        ConfluentJson.Ok(await answers.ByIdAsync(ParseId(id), cancellationToken, format));

    private static async Task<IResult> GetTextAsync(string id, ConfluentAnswers answers, CancellationToken cancellationToken) =>
        Results.Text((await answers.SchemaAsync(ParseId(id), cancellationToken)).Text, ConfluentJson.MediaType, System.Text.Encoding.UTF8);

    private static async Task<IResult> VersionsAsync(string id, IRegistryStorage storage, ConfluentAnswers answers, SubjectNames names, bool? deleted,
        CancellationToken cancellationToken)
    {
        var schema = await answers.SchemaAsync(ParseId(id), cancellationToken);
        var named = await names.NamesBySubjectAsync(cancellationToken);
        var versions = (await storage.Confluent.VersionsOfSchemaAsync(schema.Id, cancellationToken))
            .Where(v => v.Deleted == ConfluentVersion.Live || (deleted == true && v.Deleted == ConfluentVersion.SoftDeleted))
            .Select(v => new SubjectVersionPair(named.GetValueOrDefault(v.Subject) ?? v.Subject, v.Version))
            .ToList();
        return ConfluentJson.Ok(versions);
    }

    private static async Task<IResult> SubjectsAsync(string id, IRegistryStorage storage, ConfluentAnswers answers, SubjectNames names, bool? deleted,
        CancellationToken cancellationToken)
    {
        var schema = await answers.SchemaAsync(ParseId(id), cancellationToken);
        var named = await names.NamesBySubjectAsync(cancellationToken);
        var subjects = (await storage.Confluent.VersionsOfSchemaAsync(schema.Id, cancellationToken))
            .Where(v => v.Deleted == ConfluentVersion.Live || (deleted == true && v.Deleted == ConfluentVersion.SoftDeleted))
            .Select(v => named.GetValueOrDefault(v.Subject) ?? v.Subject)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return ConfluentJson.Ok(subjects);
    }

    private static IResult Types(SchemaFormats formats) =>
        ConfluentJson.Ok(formats.All.Select(f => f.ConfluentType).Order(StringComparer.Ordinal).ToList());

    /// <summary>A positive 64-bit id; anything else is not found (40403), as no schema has it.</summary>
    private static long ParseId(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw ConfluentErrors.SchemaMissing($"with id '{Core.Naming.SubjectName.Printable(text)}'");
}
