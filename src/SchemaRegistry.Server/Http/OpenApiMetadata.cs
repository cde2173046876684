using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// What <c>/openapi/v1.json</c> says about bodies and errors. Bodies are read by <see cref="JsonBody"/> (so the runbook's
/// <c>curl -d</c> works whatever its Content-Type), which the generator cannot see; these conventions declare them.
/// Error statuses are named by <see cref="ErrorKind"/> and mapped through <see cref="Problems.StatusOf"/>, so the
/// document says what the error middleware answers. Bodies are declared with <see cref="RequestBodyMetadata"/>, not
/// <c>Accepts&lt;T&gt;</c>, so that routing never refuses a body by its Content-Type.
/// </summary>
internal static class OpenApiMetadata
{
    public const string ProblemContentType = "application/problem+json";

    /// <summary>Every route behind a key: a bad query or path value, no key, a role without the permission, the rate limit.</summary>
    public static TBuilder ProducesAuthenticatedErrors<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesErrors(ErrorKind.BadRequest, ErrorKind.Unauthenticated, ErrorKind.Forbidden, ErrorKind.TooManyRequests);

    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params ErrorKind[] kinds) where TBuilder : IEndpointConventionBuilder
    {
        foreach (var kind in kinds)
        {
            builder.WithMetadata(new ProducesResponseTypeMetadata(Problems.StatusOf(kind), typeof(ProblemResponse), [ProblemContentType]));
        }
        return builder;
    }

    /// <summary>A JSON body read by <see cref="JsonBody"/>: malformed or unknown members answer 400, an oversized body 413.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder, bool optional = false) where T : notnull =>
        builder.WithMetadata(new RequestBodyMetadata(typeof(T), optional, ["application/json"])).ProducesErrors(ErrorKind.BadRequest, ErrorKind.TooLarge);

    /// <summary>A body that is not JSON (batches, exports): documented as bytes of the given media types.</summary>
    public static RouteHandlerBuilder AcceptsBytes(this RouteHandlerBuilder builder, string contentType, params string[] more) =>
        builder.WithMetadata(new RequestBodyMetadata(null, false, [contentType, .. more]));
}
