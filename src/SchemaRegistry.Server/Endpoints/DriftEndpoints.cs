using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Pipelines;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Drift cases and the quarantine: everyone reads; ops-engineer and schema-admin act.</summary>
internal static class DriftEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Drift").ProducesAuthenticatedErrors();
        group.MapGet("/v1/drift", (string? subject, string? status, DriftService service, CancellationToken ct) => service.ListAsync(subject, status, ct))
            .RequirePermission(Permission.Read);
        group.MapGet("/v1/drift/{id}", (string id, DriftService service, CancellationToken ct) => service.GetAsync(CaseId(id), ct)).RequirePermission(Permission.Read)
            .ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/drift/{id}/proposal", (string id, DriftProposalService service, CancellationToken ct) => service.ProposeAsync(CaseId(id), ct))
            .RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/v1/drift/{id}/ack", Acknowledge).RequirePermission(Permission.ManageDrift).AcceptsJson<DriftActionRequest>(optional: true)
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapPost("/v1/drift/{id}/resolve", Resolve).RequirePermission(Permission.ManageDrift).AcceptsJson<DriftActionRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        group.MapGet("/v1/quarantine", (string? run_id, string? subject, string? from, string? to, int? limit, QuarantineService service, CancellationToken ct) =>
                service.ListAsync(run_id, subject, from, to, limit, ct))
            .RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound, ErrorKind.Unprocessable);
        group.MapGet("/v1/quarantine/records", async (string? key, bool? manifest, QuarantineService service, CancellationToken ct) =>
            {
                var (content, mediaType) = await service.OpenBatchAsync(key, manifest ?? false, ct);
                return TypedResults.Stream(content, mediaType);
            })
            .RequirePermission(Permission.ManageDrift).Produces(StatusCodes.Status200OK, typeof(Stream), "application/x-ndjson", "text/csv")
            .ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/quarantine/replay", Replay).RequirePermission(Permission.ManageDrift).AcceptsJson<QuarantineReplayRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict, ErrorKind.Unprocessable);
        group.MapPost("/v1/quarantine/purge", Purge).RequirePermission(Permission.ManageDrift).AcceptsJson<QuarantinePurgeRequest>(optional: true);
    }

    private static async Task<Ok<DriftCaseResponse>> Acknowledge(string id, HttpContext http, DriftService service, CancellationToken ct)
    {
        var caseId = CaseId(id);
        var body = await JsonBody.ReadOptionalAsync(http.Request, new DriftActionRequest(), ct);
        return TypedResults.Ok(await service.AcknowledgeAsync(caseId, body, http.User.ToPrincipal(), ct));
    }

    private static async Task<Ok<DriftCaseResponse>> Resolve(string id, HttpContext http, DriftService service, CancellationToken ct)
    {
        var caseId = CaseId(id);
        var body = await JsonBody.ReadAsync<DriftActionRequest>(http.Request, ct);
        return TypedResults.Ok(await service.ResolveAsync(caseId, body, http.User.ToPrincipal(), ct));
    }

    /// <summary>
    /// A case id from the path. An id that cannot exist (not a number, or past the largest one) is a case not found,
    /// like any other missing case, not a path the registry does not serve.
    /// </summary>
    private static long CaseId(string id) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var caseId) && caseId > 0
            ? caseId
            : throw new Core.Errors.RegistryException(Core.Errors.RegistryError.NotFound($"Drift case {(id.Length > 40 ? id[..40] + "…" : id)}"));

    private static async Task<Ok<QuarantineReplayResponse>> Replay(HttpContext http, QuarantineService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<QuarantineReplayRequest>(http.Request, ct);
        return TypedResults.Ok(await service.ReplayAsync(body, ct));
    }

    private static async Task<Ok<QuarantinePurgeResponse>> Purge(HttpContext http, QuarantineService service, RegistryOptions options, CancellationToken ct)
    {
        var body = await JsonBody.ReadOptionalAsync(http.Request, new QuarantinePurgeRequest(), ct);
        return TypedResults.Ok(await service.PurgeAsync(body.OlderThanDays ?? options.QuarantineRetentionDays, ct));
    }
}
