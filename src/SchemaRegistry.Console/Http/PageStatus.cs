using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace SchemaRegistry.Ui.Http;

/// <summary>
/// Sets a console page's status while keeping the body it renders (the error in words). Set during rendering, a 404
/// makes the component renderer leave the body out, and the API's status-code problems would then answer JSON: the
/// status is applied as the response starts instead, and status-code pages are turned off for the request.
/// </summary>
public static class PageStatus
{
    public static void Set(HttpContext context, int status)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
        context.Response.OnStarting(() =>
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
