using SchemaRegistry.Bench;

const string usage = """
    Usage:
      SchemaRegistry.Bench generate --out FILE [--count 200000] [--seed 42] [--invalid-percent 50]
          Writes FILE (NDJSON invoices, about half invalid) and FILE.labels (one line per record:
          "valid" or the defects put in on purpose).
      SchemaRegistry.Bench run --schema SCHEMA --data FILE [--passes 3] [--subset 20000]
              [--max-pass-seconds 60] [--ajv bench/ajv/validate.mjs] [--node node]
              [--skip token,parse,ours,njsonschema,ajv] [--markdown OUT.md]
          Measures every contender on FILE and prints a Markdown table.
      SchemaRegistry.Bench console --url URL --admin-token T [--subjects 10000] [--requests 200] [--markdown OUT.md]
          Seeds subjects, signs in to the console and times /ui/subjects and a field search; first-load bytes per page.
      SchemaRegistry.Bench cost [--chain 100000] [--alternatives 50000] [--limits on|off]
          Times the registry's check of hostile drafts (15k/30k/60k boolean properties, a long pattern, a long
          allOf/$ref chain): the limits pass, the meta-schema pass and the compile. Prints a Markdown table.
      SchemaRegistry.Bench diff [--properties 1000] [--runs 30]
          Times the compatibility diff of two generated wide schemas and prints a Markdown table.
      SchemaRegistry.Bench formats [--fields 500] [--runs 30] [--warmups 10]
          Times each schema format's compatibility comparison (Avro) of two generated wide schemas and prints a
          Markdown table (best and median of the timed runs; target < 20 ms).
      SchemaRegistry.Bench data --schema SCHEMA --data FILE [--data-dir DIR] [--gigabytes 1] [--rss-gigabytes 2]
              [--passes 3] [--cli src/SchemaRegistry.Cli/bin/Release/net10.0/schemareg.dll] [--dotnet dotnet]
              [--markdown OUT.md]
          The `data validate` benchmark: the bare validator on FILE's records, then data validate in process on a
          1 GB NDJSON file built from FILE (with drift in 1 record of 200, cached in DIR), on FILE's records as
          NDJSON, CSV and Parquet, and the CLI on a 2 GB file for its peak RSS (0 skips it). Prints a Markdown table.
      SchemaRegistry.Bench api --url URL --admin-token TOKEN [--schema bench/invoice.schema.json] [--rate 2000]
              [--seconds 20] [--warmup 5] [--wrk wrk|none] [--wrk-threads 2] [--wrk-connections 64] [--wrk-seconds 20]
              [--sdk-calls 10000000] [--server-pid PID] [--markdown OUT.md] [--latency-log PREFIX]
          The API latency benchmark against a running `schemareg serve` (bench/run-api.sh starts one): GET by FQID
          and by alias at a fixed rate (open loop) and at maximum throughput (wrk), the SDK's cached resolve, then
          (with --server-pid) stops the server and checks that a warm cache keeps resolving. Prints a Markdown table;
          --latency-log writes each fixed-rate request's due time and latency to PREFIX.FQID.csv and PREFIX.alias.csv.
      SchemaRegistry.Bench writes --urls URL,URL,URL --admin-token TOKEN [--schema bench/invoice.schema.json] [--workers 32]
              [--seconds 20] [--warmup 10] [--contested 30] [--target 500] [--postgres CONNECTION_STRING]
              [--server-pids PID,PID,PID] [--postgres-pid PID] [--markdown OUT.md]
          The write benchmark against replicas over one database (bench/run-writes.sh starts them): concurrent
          POST /v1/schema of distinct FQIDs round-robin over the replicas, contested registrations, then checks the
          event stream (no gap, one registration per FQID) and the audit chain. --postgres samples the events lock.
      SchemaRegistry.Bench onecore-files --out-dir DIR [--count 300000] [--seed 42]
          Writes bench/run-onecore.sh's flat and open schemas and their NDJSON files (flat-N.ndjson, open-N.ndjson).
      SchemaRegistry.Bench tokens --data FILE
          One Utf8JsonReader pass over every token of every line of FILE, nothing else; prints one JSON line.
      SchemaRegistry.Bench onecore-profile --schema SCHEMA --data FILE [--passes 2]
          Where data validate's time goes on FILE, in process: reading, UTF-8 check, token pass, classify, the loop.
      SchemaRegistry.Bench startup-profile --schema SCHEMA --data FILE
          The steps of a cold data validate on a small FILE, each timed once (schema, closed variant, shape, batch).
    """;

if (args.Length == 0)
{
    Console.Error.WriteLine(usage);
    return 2;
}

try
{
    var arguments = CommandArguments.Parse(args.AsSpan(1));
    return args[0] switch
    {
        "generate" => GenerateCommand.Run(arguments),
        "run" => await RunCommand.RunAsync(arguments),
        "diff" => DiffCommand.Run(arguments),
        "formats" => FormatsCommand.Run(arguments),
        "cost" => CostCommand.Run(arguments),
        "data" => await DataCommand.RunAsync(arguments),
        "api" => await ApiCommand.RunAsync(arguments),
        "confluent" => await ApiCommand.RunConfluentAsync(arguments),
        "console" => await ConsoleCommand.RunAsync(arguments),
        "writes" => await WritesCommand.RunAsync(arguments),
        "onecore-files" => OneCoreFilesCommand.Run(arguments),
        "tokens" => TokenPassCommand.Run(arguments),
        "onecore-profile" => await OneCoreProfileCommand.RunAsync(arguments),
        "startup-profile" => await StartupProfileCommand.RunAsync(arguments),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'."),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}
