using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Wire;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;

namespace SchemaRegistry.Confluent.Endpoints;

/// <summary><c>GET /v1/metadata/id</c>: the registry's cluster id, which some clients ask for before anything else.</summary>
internal static class MetadataEndpoints
{
    public const string ClusterId = "schemareg";

    public static void Map(RouteGroupBuilder door) => door.MapGet("/v1/metadata/id", Get).RequirePermission(Permission.Read);

    private static IResult Get() =>
        ConfluentJson.Ok(new MetadataIdResponse(new MetadataScope([], new Dictionary<string, string> { ["schema-registry-cluster"] = ClusterId })));
}
