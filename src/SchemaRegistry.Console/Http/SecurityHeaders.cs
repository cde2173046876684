using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SchemaRegistry.Ui.Http;

/// <summary>
/// Headers on every <c>/ui</c> response: a Content-Security-Policy that allows only the console's own scripts and
/// styles (no inline script or style, no other origin, no framing, forms posting only back here), and the usual
/// hardening headers. <c>Server-Timing: app;dur=…</c> tells how long the console took from here to the response
/// starting (a page's queries and rendering), so a benchmark can tell server time from a loaded client's.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'self'";

    public Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={Stopwatch.GetElapsedTime(started).TotalMilliseconds:0.00}");
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
