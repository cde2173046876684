using Microsoft.Extensions.Configuration;

namespace SchemaRegistry.Server.Hosting;

/// <summary>
/// Where settings come from, weakest first: appsettings.json, <c>SCHEMAREG__Section__Key</c> variables, the
/// short variables (<c>SCHEMAREG_DATABASE_URL</c>, <c>SCHEMAREG_BLOBS_URL</c>, <c>SCHEMAREG_ADMIN_TOKEN</c>,
/// <c>SCHEMAREG_DATA_DIR</c>, <c>SCHEMAREG_SPOOL_DIR</c>, <c>SCHEMAREG_QUARANTINE_URL</c>), then command-line options.
/// </summary>
public static class RegistryConfiguration
{
    /// <summary>The short variables and the settings they set.</summary>
    public static IReadOnlyList<(string Variable, string Key)> ShortVariables { get; } =
    [
        ("SCHEMAREG_DATA_DIR", "Registry:DataDir"),
        ("SCHEMAREG_DATABASE_URL", "Registry:Database"),
        ("SCHEMAREG_BLOBS_URL", "Registry:Blobs"),
        ("SCHEMAREG_ADMIN_TOKEN", "Registry:AdminToken"),
        ("SCHEMAREG_SPOOL_DIR", "Registry:SpoolDir"),
        ("SCHEMAREG_QUARANTINE_URL", "Registry:Quarantine"),
    ];

    public static void AddSources(IConfigurationBuilder configuration, IReadOnlyDictionary<string, string?> overrides)
    {
        configuration.AddJsonFile("appsettings.json", optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("SCHEMAREG__");
        var shortValues = new Dictionary<string, string?>();
        foreach (var (variable, key) in ShortVariables)
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                shortValues[key] = value;
            }
        }
        configuration.AddInMemoryCollection(shortValues);
        configuration.AddInMemoryCollection(overrides);
    }
}
