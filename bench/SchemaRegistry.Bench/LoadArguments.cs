namespace SchemaRegistry.Bench;

/// <summary>
/// The arguments every HTTP load benchmark against a running server takes (<c>api</c>, <c>confluent</c>): where it is,
/// the fixed rate and how long, wrk's shape, the server's process (its CPU share) and where the Markdown table goes.
/// The caller reads its own further arguments, then calls <see cref="CommandArguments.RejectUnknown"/>.
/// </summary>
internal sealed record LoadArguments(Uri Url, string AdminToken, string SchemaPath, int Rate, int Seconds, int Warmup, string Wrk,
    int WrkThreads, int WrkConnections, int WrkSeconds, int ServerPid, string? MarkdownPath)
{
    public static LoadArguments Read(CommandArguments arguments) => new(
        new Uri(arguments.Required("url").TrimEnd('/') + "/"),
        arguments.Required("admin-token"),
        arguments.Optional("schema", "bench/invoice.schema.json"),
        arguments.Int("rate", 2000, 1),
        arguments.Int("seconds", 20, 1),
        arguments.Int("warmup", 5, 0),
        arguments.Optional("wrk", "wrk"),
        arguments.Int("wrk-threads", 2, 1),
        arguments.Int("wrk-connections", 64, 1),
        arguments.Int("wrk-seconds", 20, 1),
        arguments.Int("server-pid", 0, 0),
        arguments.Optional("markdown"));

    /// <summary>wrk's command line as the tables name it.</summary>
    public string WrkShape => $"wrk -t{WrkThreads} -c{WrkConnections} -d{WrkSeconds}s";
}
