using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SchemaRegistry.Server.Http;

/// <summary>Puts an endpoint's work behind <see cref="CheckAdmission"/>; its 503 answer is documented with it.</summary>
internal static class AdmissionExtensions
{
    public static RouteHandlerBuilder RequireAdmission(this RouteHandlerBuilder builder) =>
        builder.ProducesErrors(Core.Errors.ErrorKind.Unavailable).AddEndpointFilter(async (context, next) =>
        {
            var admission = context.HttpContext.RequestServices.GetRequiredService<CheckAdmission>();
            using var turn = await admission.EnterAsync(context.HttpContext);
            return await next(context);
        });
}
