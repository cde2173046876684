using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SchemaRegistry.Server.Http;

/// <summary>Writes each route's <see cref="RequestBodyMetadata"/> into its operation's <c>requestBody</c>.</summary>
internal sealed class RequestBodyTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestBodyMetadata>().LastOrDefault() is not { } body)
        {
            return;
        }
        var content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        foreach (var contentType in body.ContentTypes)
        {
            IOpenApiSchema schema = body.Type is null
                ? new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" }
                : await context.GetOrCreateSchemaAsync(body.Type, null, cancellationToken);
            content[contentType] = new OpenApiMediaType { Schema = schema };
        }
        operation.RequestBody = new OpenApiRequestBody { Required = !body.Optional, Content = content };
    }
}
