using System.Security.Claims;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;

namespace SchemaRegistry.Server.Auth;

internal static class PrincipalExtensions
{
    public static Principal ToPrincipal(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Unauthenticated request reached a handler."),
        user.FindFirstValue(ClaimTypes.Name) ?? "",
        WireNames.ParseRole(user.FindFirstValue(ClaimTypes.Role) ?? ""));
}
