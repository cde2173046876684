using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary>Confluent's <c>/mode</c>: READWRITE, READONLY (no register, delete or config change) and IMPORT (register with a given id and version).</summary>
internal static class ModeEndpoints
{
    public static void Map(RouteGroupBuilder door)
    {
        door.MapGet("/mode", GetGlobalAsync).RequirePermission(Permission.Read);
        door.MapPut("/mode", PutGlobalAsync).RequirePermission(Permission.ManageConfig);
        door.MapGet("/mode/{subject}", GetAsync).RequirePermission(Permission.Read);
        door.MapPut("/mode/{subject}", PutAsync).RequirePermission(Permission.ManageConfig);
        door.MapDelete("/mode/{subject}", DeleteAsync).RequirePermission(Permission.ManageConfig);
    }

    private static async Task<IResult> GetGlobalAsync(ConfluentSettings settings, CancellationToken cancellationToken) =>
        ConfluentJson.Ok(new ModeBody(await settings.ModeAsync(null, cancellationToken)));

    private static async Task<IResult> PutGlobalAsync(HttpContext context, ConfluentSettings settings, CancellationToken cancellationToken)
    {
        var request = await ConfluentJson.ReadAsync<ModeBody>(context.Request, cancellationToken);
        var mode = request.Mode?.ToUpperInvariant();
        await settings.SetModeAsync(null, mode ?? "", context.User.ToPrincipal(), cancellationToken);
        return ConfluentJson.Ok(new ModeBody(mode));
    }

    private static async Task<IResult> GetAsync(string subject, SubjectNames names, ConfluentSettings settings, bool? defaultToGlobal, CancellationToken cancellationToken)
    {
        var ours = await names.FindAsync(subject, cancellationToken);
        var own = ours is null ? null : await settings.OwnModeAsync(ours, cancellationToken);
        if (own is null && defaultToGlobal != true)
        {
            throw new ConfluentException(404, ConfluentErrors.SubjectModeNotConfigured, $"Subject '{SubjectName.Printable(subject)}' does not have subject-level mode configured.");
        }
        return ConfluentJson.Ok(new ModeBody(own ?? await settings.ModeAsync(null, cancellationToken)));
    }

    private static async Task<IResult> PutAsync(string subject, HttpContext context, SubjectNames names, ConfluentSettings settings, CancellationToken cancellationToken)
    {
        SubjectNames.Check(subject);
        var request = await ConfluentJson.ReadAsync<ModeBody>(context.Request, cancellationToken);
        var mode = request.Mode?.ToUpperInvariant();
        var ours = await names.FindOrCreateAsync(subject, cancellationToken);
        await settings.SetModeAsync(ours, mode ?? "", context.User.ToPrincipal(), cancellationToken);
        return ConfluentJson.Ok(new ModeBody(mode));
    }

    /// <summary>Removes the subject's own mode (it follows the global one again); answers the mode it had. 40409 when it had none.</summary>
    private static async Task<IResult> DeleteAsync(string subject, HttpContext context, SubjectNames names, ConfluentSettings settings, CancellationToken cancellationToken)
    {
        var ours = await names.FindAsync(subject, cancellationToken);
        var own = ours is null ? null : await settings.OwnModeAsync(ours, cancellationToken);
        if (own is null)
        {
            throw new ConfluentException(404, ConfluentErrors.SubjectModeNotConfigured, $"Subject '{SubjectName.Printable(subject)}' does not have subject-level mode configured.");
        }
        await settings.SetModeAsync(ours, null, context.User.ToPrincipal(), cancellationToken);
        return ConfluentJson.Ok(new ModeBody(own));
    }
}
