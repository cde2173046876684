using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Ui.Auth;

namespace SchemaRegistry.Ui.Http;

/// <summary>
/// Refuses a console form post the signed-in role may not make (a reader posting "approve" by hand): 403 with
/// AUTH-1002, before the page runs. Pages check again when they act (<c>ConsoleAction</c>).
/// </summary>
internal sealed class FormGuard(RequestDelegate next, ConsoleAssets assets)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // A post whose antiforgery token failed is left to the page, which refuses it (400) without reading the form.
        if (HttpMethods.IsPost(context.Request.Method) && ConsoleUser.From(context) is { } user
            && context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: false } && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (FormPermissions.Of(form["_handler"].ToString()) is { } needed && !user.Can(needed))
            {
                var detail = $"The role {user.RoleName} may not post the form '{form["_handler"]}' ({needed}).";
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync(
                    $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not permitted · schemareg</title>" +
                    $"<link rel=\"stylesheet\" href=\"{assets.Url("console.css")}\"></head><body><main id=\"main\"><h1>Not permitted</h1>" +
                    $"<div class=\"problem\" role=\"alert\"><p><strong>Role not permitted</strong> <code class=\"code\">{Wire.ErrorCode.Forbidden}</code></p>" +
                    $"<p>{WebUtility.HtmlEncode(detail)}</p></div><p><a href=\"/ui/\">Back to the overview</a></p></main></body></html>", context.RequestAborted);
                return;
            }
        }
        await next(context);
    }
}
