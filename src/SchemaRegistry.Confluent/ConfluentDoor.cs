using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Confluent.Endpoints;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Naming;
using SchemaRegistry.Confluent.Services;
using SchemaRegistry.Server.Hosting;

namespace SchemaRegistry.Confluent;

/// <summary>
/// The Confluent-compatible API at the server's root (<c>/subjects</c>, <c>/schemas</c>, <c>/config</c>, <c>/mode</c>,
/// <c>/compatibility</c>, <c>/v1/metadata/id</c>), over the registry's own services, store, events and ledger.
/// </summary>
public sealed class ConfluentDoor : IRegistryDoor
{
    public void AddServices(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(ConfluentOptions.Section).Get<ConfluentOptions>() ?? new ConfluentOptions();
        if (!Core.Naming.SubjectName.IsValidPart(options.Domain))
        {
            throw new InvalidOperationException($"{ConfluentOptions.Section}:Domain '{options.Domain}' must match [a-z][a-z0-9_]*.");
        }
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<SubjectNames>();
        builder.Services.AddSingleton<ConfluentCatalog>();
        builder.Services.AddSingleton<ConfluentSettings>();
        builder.Services.AddSingleton<ConfluentAnswers>();
        builder.Services.AddSingleton<LookUpCache>();
        builder.Services.AddSingleton<ConfluentRegistrar>();
        builder.Services.AddSingleton<ConfluentDeletes>();
    }

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var door = app.MapGroup("")
            .WithMetadata(ConfluentErrorWriter.Instance)
            .AddEndpointFilter<ConfluentExceptionFilter>()
            .ExcludeFromDescription();
        SubjectEndpoints.Map(door);
        SchemaIdEndpoints.Map(door);
        ConfigEndpoints.Map(door);
        ModeEndpoints.Map(door);
        CompatibilityEndpoints.Map(door);
        MetadataEndpoints.Map(door);
    }
}
