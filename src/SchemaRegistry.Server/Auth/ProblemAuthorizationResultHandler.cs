using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Auth;

/// <summary>
/// Answers 401 and 403 as problem details with AUTH codes instead of empty challenges. A policy that names its own
/// authentication schemes (the console's cookie) keeps those schemes' answers: a browser is sent to the sign-in page.
/// </summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (policy.AuthenticationSchemes.Count > 0)
        {
            await _default.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        if (authorizeResult.Challenged)
        {
            var failure = context.Items[ApiKeyAuthenticationHandler.FailureItem] as string;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context, new RegistryError(ErrorCode.Unauthenticated, ErrorKind.Unauthenticated,
                "Authentication required", failure ?? "Send 'Authorization: Bearer <api key>'."));
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "none";
            await Problems.WriteAsync(context, new RegistryError(ErrorCode.Forbidden, ErrorKind.Forbidden,
                "Role not permitted", context.Items[JwtRoleMapping.NoRoleItem] as string
                    ?? $"The role {role} may not {context.Request.Method} {context.Request.Path}."));
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
