using Microsoft.AspNetCore.Builder;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// Another way into the same registry (the Confluent-compatible API): it adds its services before the application is
/// built and maps its routes after ours, on the same port, behind the same authentication and error handling.
/// </summary>
public interface IRegistryDoor
{
    void AddServices(WebApplicationBuilder builder);

    void Map(WebApplication app);
}
