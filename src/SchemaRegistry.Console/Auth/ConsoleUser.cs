using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Ui.Auth;

/// <summary>Who is signed in to the console and what their role allows: pages show only what <see cref="Can"/> says.</summary>
public sealed record ConsoleUser(Principal Principal)
{
    public static ConsoleUser? From(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirstValue(ClaimTypes.Role) is not { } role || !WireNames.TryParse<Role>(role, out var parsed))
        {
            return null;
        }
        return new ConsoleUser(new Principal(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(ClaimTypes.Name) ?? "", parsed));
    }

    public string RoleName => WireNames.Of(Principal.Role);

    public bool Can(Permission permission) => AccessPolicy.Allows(Principal.Role, permission);

    /// <summary>The server's own check behind every console action, whatever the page showed: AUTH-1002 when the role lacks it.</summary>
    public void Require(Permission permission, string what)
    {
        if (!Can(permission))
        {
            throw new RegistryException(new RegistryError(ErrorCode.Forbidden, ErrorKind.Forbidden, "Role not permitted",
                $"The role {RoleName} may not {what}."));
        }
    }
}
