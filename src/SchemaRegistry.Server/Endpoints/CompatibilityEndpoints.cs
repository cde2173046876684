using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Endpoints;

/// <summary>Diffs, compatibility checks, each subject's compatibility mode and its registration policy.</summary>
internal static class CompatibilityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Compatibility").ProducesAuthenticatedErrors();
        group.MapGet("/v1/schema/diff", Diff).RequirePermission(Permission.Read).RequireAdmission().ProducesErrors(ErrorKind.NotFound);
        group.MapPost("/v1/schema/compatibility", Check).RequirePermission(Permission.Read).RequireAdmission().AcceptsJson<CompatibilityRequest>()
            .ProducesErrors(ErrorKind.NotFound, ErrorKind.Unprocessable);
        group.MapGet("/v1/config/{subject}", GetConfig).RequirePermission(Permission.Read).ProducesErrors(ErrorKind.NotFound);
        group.MapPut("/v1/config/{subject}", SetConfig).RequirePermission(Permission.ManageConfig).AcceptsJson<SubjectConfig>()
            .ProducesErrors(ErrorKind.NotFound);
        group.MapGet("/v1/config/{subject}/policy", GetPolicy).RequirePermission(Permission.Read);
        group.MapPut("/v1/config/{subject}/policy", SetPolicy).RequirePermission(Permission.ManageConfig).AcceptsJson<SubjectPolicy>();
    }

    private static async Task<Ok<DiffResponse>> Diff(string? from, string? to, CompatibilityService service, CancellationToken ct) =>
        TypedResults.Ok(await service.DiffAsync(from, to, ct));

    private static async Task<Ok<CompatibilityResponse>> Check(HttpContext http, CompatibilityService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<CompatibilityRequest>(http.Request, ct);
        return TypedResults.Ok(await service.ReportAsync(body, ct));
    }

    private static async Task<Ok<SubjectConfig>> GetConfig(string subject, CompatibilityService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetConfigAsync(subject, ct));

    private static async Task<Ok<SubjectConfig>> SetConfig(string subject, HttpContext http, CompatibilityService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SubjectConfig>(http.Request, ct);
        return TypedResults.Ok(await service.SetConfigAsync(subject, body, http.User.ToPrincipal(), ct));
    }

    private static async Task<Ok<SubjectPolicy>> GetPolicy(string subject, RegistrationPolicyService service, CancellationToken ct) =>
        TypedResults.Ok(await service.GetAsync(subject, ct));

    private static async Task<Ok<SubjectPolicy>> SetPolicy(string subject, HttpContext http, RegistrationPolicyService service, CancellationToken ct)
    {
        var body = await JsonBody.ReadAsync<SubjectPolicy>(http.Request, ct);
        return TypedResults.Ok(await service.SetAsync(subject, body, http.User.ToPrincipal(), ct));
    }
}
