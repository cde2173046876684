using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Confluent.Tests.Harness;

/// <summary>
/// Not a door: stops the server's wall clock (its <see cref="TimeProvider"/>) at start-up, so answers cached for a
/// time never age out and only an invalidation can drop them. Timers and timestamps still run.
/// </summary>
public sealed class FrozenClock : IRegistryDoor
{
    public void AddServices(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(new Stopped(DateTimeOffset.UtcNow));

    public void Map(WebApplication app)
    {
    }

    private sealed class Stopped(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
