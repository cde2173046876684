using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Events;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary>
/// Confluent's <c>/config</c>: the global level (the door's), and a subject's level, which is our subject config (the
/// same setting as <c>/v1/config/{subject}</c>). <c>registrationPolicy</c> (DIRECT or REVIEWED) may ride along in a PUT.
/// </summary>
internal static class ConfigEndpoints
{
    public static void Map(RouteGroupBuilder door)
    {
        door.MapGet("/config", GetGlobalAsync).RequirePermission(Permission.Read);
        door.MapPut("/config", PutGlobalAsync).RequirePermission(Permission.ManageConfig);
        door.MapDelete("/config", DeleteGlobalAsync).RequirePermission(Permission.ManageConfig);
        door.MapGet("/config/{subject}", GetAsync).RequirePermission(Permission.Read);
        door.MapPut("/config/{subject}", PutAsync).RequirePermission(Permission.ManageConfig);
        door.MapDelete("/config/{subject}", DeleteAsync).RequirePermission(Permission.ManageConfig);
    }

    private static async Task<IResult> GetGlobalAsync(ConfluentSettings settings, CancellationToken cancellationToken) =>
        ConfluentJson.Ok(new CompatibilityLevelResponse(WireNames.Of(await settings.GlobalCompatibilityAsync(cancellationToken))));

    private static async Task<IResult> PutGlobalAsync(HttpContext context, ConfluentSettings settings, CancellationToken cancellationToken)
    {
        var request = await ConfluentJson.ReadAsync<ConfigRequest>(context.Request, cancellationToken);
        await settings.RequireWritableAsync(null, "(global)", cancellationToken);
        var level = ConfluentSettings.ParseLevel(request.Compatibility);
        await settings.SetGlobalCompatibilityAsync(level, context.User.ToPrincipal(), cancellationToken);
        return ConfluentJson.Ok(new ConfigResponse(WireNames.Of(level)));
    }

    private static async Task<IResult> DeleteGlobalAsync(HttpContext context, ConfluentSettings settings, CancellationToken cancellationToken)
    {
        var previous = await settings.GlobalCompatibilityAsync(cancellationToken);
        await settings.SetGlobalCompatibilityAsync(null, context.User.ToPrincipal(), cancellationToken);
        return ConfluentJson.Ok(new CompatibilityLevelResponse(WireNames.Of(previous)));
    }

    private static async Task<IResult> GetAsync(string subject, SubjectNames names, IRegistryStorage storage, ConfluentSettings settings, bool? defaultToGlobal,
        CancellationToken cancellationToken)
    {
        var ours = await names.FindAsync(subject, cancellationToken);
        var own = ours is null ? null : await storage.Subjects.GetModeAsync(ours, cancellationToken);
        if (own is null && defaultToGlobal != true)
        {
            throw new ConfluentException(404, ConfluentErrors.SubjectCompatibilityNotConfigured,
                $"Subject '{SubjectName.Printable(subject)}' does not have subject-level compatibility configured.");
        }
        return ConfluentJson.Ok(new CompatibilityLevelResponse(WireNames.Of(own ?? await settings.GlobalCompatibilityAsync(cancellationToken))));
    }

    private static async Task<IResult> PutAsync(string subject, HttpContext context, SubjectNames names, ConfluentSettings settings,
        CompatibilityService compatibility, IRegistryStorage storage, CancellationToken cancellationToken)
    {
        SubjectNames.Check(subject);
        var request = await ConfluentJson.ReadAsync<ConfigRequest>(context.Request, cancellationToken);
        if (request.Compatibility is null && request.RegistrationPolicy is null)
        {
            throw new ConfluentException(422, ConfluentErrors.InvalidCompatibilityLevel, "The body needs 'compatibility' (or 'registrationPolicy').");
        }
        var level = request.Compatibility is null ? (CompatibilityMode?)null : ConfluentSettings.ParseLevel(request.Compatibility);
        var ours = await names.FindOrCreateAsync(subject, cancellationToken);
        await settings.RequireWritableAsync(ours, subject, cancellationToken);
        var actor = context.User.ToPrincipal();
        if (request.RegistrationPolicy is { } policy)
        {
            await settings.SetPolicyAsync(ours, policy, actor, cancellationToken);
        }
        if (level is { } chosen)
        {
            await compatibility.SetConfigAsync(ours.ToString(), new SchemaRegistry.Wire.SubjectConfig(ours.ToString(), WireNames.Of(chosen)), actor, cancellationToken);
        }
        var current = level ?? await settings.CompatibilityAsync(ours, cancellationToken);
        return ConfluentJson.Ok(new ConfigResponse(WireNames.Of(current)));
    }

    private static async Task<IResult> DeleteAsync(string subject, HttpContext context, SubjectNames names, IRegistryStorage storage, ConfluentSettings settings,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var ours = await names.RequireAsync(subject, cancellationToken);
        await settings.RequireWritableAsync(ours, subject, cancellationToken);
        var own = await storage.Subjects.GetModeAsync(ours, cancellationToken);
        var cleared = EventFactory.SubjectConfigCleared(ours, context.User.ToPrincipal(), time.GetUtcNow());
        if (own is null || !await storage.Subjects.ClearModeAsync(ours, [cleared], cancellationToken))
        {
            throw new ConfluentException(404, ConfluentErrors.SubjectCompatibilityNotConfigured,
                $"Subject '{SubjectName.Printable(subject)}' does not have subject-level compatibility configured.");
        }
        return ConfluentJson.Ok(new CompatibilityLevelResponse(WireNames.Of(own.Value)));
    }
}
