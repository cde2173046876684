using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Auth;

/// <summary>One authorization policy per <see cref="Permission"/>, built from <see cref="AccessPolicy"/>.</summary>
internal static class PermissionPolicies
{
    public static string NameOf(Permission permission) => $"permission:{permission}";

    // The role list is materialised: the requirement keeps the enumerable and would re-run the query on every request.
    public static void Add(AuthorizationOptions options)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            options.AddPolicy(NameOf(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireRole([.. AccessPolicy.RolesHolding(permission).Select(r => WireNames.Of(r))]));
        }
        // Anything mapped without an explicit permission still needs a key (or a token that maps to a role).
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(System.Security.Claims.ClaimTypes.Role).Build();
    }

    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(NameOf(permission));
}
