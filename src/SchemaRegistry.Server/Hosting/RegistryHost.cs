using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SchemaRegistry.Wire;
using SchemaRegistry.Core.Naming;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Server.Endpoints;
using SchemaRegistry.Server.Http;
using SchemaRegistry.Server.Services;
using SchemaRegistry.Server.Validation;
using SchemaRegistry.Core.Checks;
using SchemaRegistry.Storage;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Server.Hosting;

/// <summary>Builds the registry's web application: configuration, storage (migrated), auth, endpoints.</summary>
public static class RegistryHost
{
    public static Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken) =>
        BuildAsync(overrides, [], cancellationToken);

    /// <param name="overrides">Settings that win over every other source.</param>
    /// <param name="doors">Other APIs mapped on the same port over the same services (the Confluent door).</param>
    /// <param name="cancellationToken">Cancels opening and migrating the storage.</param>
    public static async Task<WebApplication> BuildAsync(IReadOnlyDictionary<string, string?> overrides, IReadOnlyList<IRegistryDoor> doors,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(doors);
        Metrics.RuntimeMetricsExport.Configure();
        var builder = WebApplication.CreateSlimBuilder();
        RegistryConfiguration.AddSources(builder.Configuration, overrides);
        var options = builder.Configuration.GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        var layers = new Layers(options.Layers);
        _ = options.DefaultMode; // fail at start-up, not on the first request, when the setting is wrong
        var telemetry = builder.Configuration.GetSection(Metrics.TelemetryOptions.Section).Get<Metrics.TelemetryOptions>() ?? new Metrics.TelemetryOptions();
        Metrics.OtlpExport.Add(builder.Services, telemetry); // before storage opens: a wrong setting stops the start with nothing to close
        builder.Services.AddSingleton(telemetry);
        builder.Services.AddSingleton<Metrics.PipelineHealth>();

        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(options.DrainTimeoutSeconds));
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
        });

        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        if (options.JsonLogs)
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole();
        }
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        // The base handler logs every failed authentication at Information: a flood of bad keys would flood the log.
        // FailedAuthenticationLog writes a sampled count instead.
        builder.Logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);

        var storage = await RegistryStorage.OpenAsync(options.DatabaseUrl, options.BlobsUrl, layers, cancellationToken);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(layers);
        builder.Services.AddSingleton<IRegistryStorage>(storage);
        var quarantine = new Pipelines.QuarantineStore(storage, options.QuarantineUrl is { } quarantineUrl ? RegistryStorage.OpenBlobs(quarantineUrl) : null);
        builder.Services.AddSingleton(quarantine);
        var spools = new Pipelines.SpoolDirectory(options.SpoolPath);
        builder.Services.AddSingleton(spools);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Caching.ContentCheckCache>();
        builder.Services.AddSingleton<IPayloadValidator, JsonSchemaPayloadValidator>();
        builder.Services.AddSingleton(Formats.FormatCatalog.Create());
        builder.Services.AddSingleton<CheckAdmission>();
        builder.Services.AddSingleton<ReferenceLoader>();
        builder.Services.AddSingleton<Events.OpenLineageEvents>();
        builder.Services.AddHostedService<Events.WebhookDeliverer>();
        builder.Services.AddSingleton<CompatibilityService>();
        builder.Services.AddSingleton<RegistrationPolicyService>();
        builder.Services.AddSingleton<Caching.SchemaReadCache>();
        builder.Services.AddSingleton<Caching.ApiKeyCache>();
        builder.Services.AddSingleton<ApiKeyAuthenticator>();
        builder.Services.AddSingleton<FailedAuthenticationLog>();
        builder.Services.AddSingleton<CallerRecheck>();
        builder.Services.AddHostedService<Caching.ChangeWatcher>();
        builder.Services.AddSingleton<SchemaService>();
        builder.Services.AddSingleton<SchemaCatalog>();
        builder.Services.AddSingleton<Pipelines.DataContractCache>();
        builder.Services.AddSingleton<Pipelines.PipelineService>();
        builder.Services.AddSingleton<Pipelines.BatchService>();
        builder.Services.AddSingleton<Pipelines.DriftService>();
        builder.Services.AddSingleton<Pipelines.DriftProposalService>();
        builder.Services.AddSingleton<Services.ApprovalQueueService>();
        builder.Services.AddSingleton<Pipelines.ImpactService>();
        builder.Services.AddSingleton<Pipelines.QuarantineService>();
        builder.Services.AddSingleton<Pipelines.LineageService>();
        builder.Services.AddHostedService<Pipelines.QuarantinePurger>();
        builder.Services.AddSingleton<Pipelines.RunAbandoner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<Pipelines.RunAbandoner>());
        builder.Services.AddSingleton<Pipelines.MidRunAlerts>();
        builder.Services.AddSingleton<Pipelines.QuarantineUploads>();
        builder.Services.AddSingleton<KeyService>();
        builder.Services.AddSingleton<SubscriptionService>();
        builder.Services.AddSingleton<AuditService>();
        builder.Services.AddSingleton<AnnotationService>();
        builder.Services.AddSingleton<ReplayService>();
        builder.Services.AddSingleton<EventFeedService>();
        builder.Services.AddSingleton<HealthService>();
        builder.Services.AddSingleton<BackupService>();
        builder.Services.ConfigureHttpJsonOptions(json => RegistryJson.Apply(json.SerializerOptions));
        builder.Services.AddRegistryAuthentication(options.Oidc);
        var trustedProxies = ForwardedHeaders.Parse(options.TrustedProxies);
        builder.Services.AddRegistryRateLimiting(options.RateLimit);
        builder.Services.AddAuthorization(PermissionPolicies.Add);
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        // Without a configured public URL the document lists no server: it would otherwise echo the request's Host
        // header, which a client controls.
        builder.Services.AddOpenApi(openApi => openApi.AddOperationTransformer<RequestBodyTransformer>().AddDocumentTransformer((document, _, _) =>
        {
            document.Servers = options.PublicUrl is { Length: > 0 } publicUrl ? [new Microsoft.OpenApi.OpenApiServer { Url = publicUrl.TrimEnd('/') }] : [];
            return Task.CompletedTask;
        }));

        foreach (var door in doors)
        {
            door.AddServices(builder);
        }

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SchemaRegistry");
        await AdminBootstrap.EnsureAsync(storage, options, TimeProvider.System, logger, cancellationToken);
        await CleanUpAfterCrashAsync(storage, quarantine, spools, logger, cancellationToken);
        logger.LogInformation("schemareg {Version}: metadata in {Database}; blobs in {Blobs}; quarantine in {Quarantine}", ProductVersion.Current,
            storage.DatabaseDescription, storage.BlobsDescription, quarantine.Description);
        app.Lifetime.ApplicationStopping.Register(() => logger.LogInformation(
            "Stopping: no new connections; requests in flight have up to {Seconds} s to finish (Registry:DrainTimeoutSeconds).", options.DrainTimeoutSeconds));

        app.UseTrustedProxies(trustedProxies);
        app.UseMiddleware<Metrics.LatencyMiddleware>();
        app.UseBareStatusProblems();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseAuthentication();
        app.UseRegistryRateLimiting(options.RateLimit);
        app.UseAuthorization();
        HealthEndpoints.Map(app);
        SchemaEndpoints.Map(app);
        LifecycleEndpoints.Map(app);
        KeyEndpoints.Map(app);
        CompatibilityEndpoints.Map(app);
        EventEndpoints.Map(app);
        SubscriptionEndpoints.Map(app);
        ReplayEndpoints.Map(app);
        PipelineEndpoints.Map(app);
        DriftEndpoints.Map(app);
        AuditEndpoints.Map(app);
        BackupEndpoints.Map(app);
        foreach (var door in doors)
        {
            door.Map(app);
        }
        app.MapOpenApi().AllowAnonymous();
        Metrics.MetricsEndpoint.Map(app);
        app.Lifetime.ApplicationStopped.Register(storage.Dispose);
        app.Lifetime.ApplicationStopped.Register(quarantine.Dispose);
        return app;
    }

    /// <summary>
    /// What a crash (or SIGKILL) may have left: spool folders, temporary blob files and quarantine replays cut short
    /// (settled: their unreferenced files removed, see <see cref="Pipelines.ReplaySettler"/>).
    /// </summary>
    private static async Task CleanUpAfterCrashAsync(RegistryStorage storage, Pipelines.QuarantineStore quarantine, Pipelines.SpoolDirectory spools,
        ILogger logger, CancellationToken cancellationToken)
    {
        var spooled = spools.RemoveLeftovers();
        var temporary = storage.RemoveTemporaryBlobs(TimeSpan.FromHours(1)) + quarantine.RemoveTemporaryFiles(TimeSpan.FromHours(1));
        var replays = await Pipelines.ReplaySettler.RecoverAsync(storage, quarantine.Blobs, cancellationToken);
        if (spooled + temporary + replays > 0)
        {
            logger.LogInformation("Cleaned up after an interrupted run: {Spooled} spool folders, {Temporary} temporary blob files, {Replays} quarantine replays settled.",
                spooled, temporary, replays);
        }
    }

    /// <summary>Applies pending database migrations for the configured database and returns the versions applied.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder();
        RegistryConfiguration.AddSources(configuration, overrides);
        var options = configuration.Build().GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        return await RegistryStorage.MigrateAsync(options.DatabaseUrl, cancellationToken);
    }

    /// <summary>Restores a backup archive into the configured (empty) database and blob store; returns its manifest.</summary>
    public static async Task<Storage.Backup.ArchiveManifest> ImportAsync(IReadOnlyDictionary<string, string?> overrides, string archivePath,
        CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder();
        RegistryConfiguration.AddSources(configuration, overrides);
        var options = configuration.Build().GetSection(RegistryOptions.Section).Get<RegistryOptions>() ?? new RegistryOptions();
        using var storage = await RegistryStorage.OpenAsync(options.DatabaseUrl, options.BlobsUrl, new Layers(options.Layers), cancellationToken);
        return await storage.Backup.ImportAsync(archivePath, cancellationToken);
    }
}
