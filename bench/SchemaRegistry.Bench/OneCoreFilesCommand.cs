using System.Globalization;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary>
/// <c>onecore-files</c>: the two extra schemas and data files of <c>bench/run-onecore.sh</c>. A flat schema (ten
/// scalar fields, closed, about 1 record in 10 invalid) and an open one (declared fields with a nested object, every
/// record carrying two fields the schema does not declare, so drift detection runs on every record).
/// </summary>
internal static class OneCoreFilesCommand
{
    private const string FlatSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["event_id", "ts", "user_id", "country", "amount", "quantity", "status", "channel", "score", "active"],
          "additionalProperties": false,
          "properties": {
            "event_id": { "type": "string", "pattern": "^EV-[0-9]{10}$" },
            "ts": { "type": "string", "format": "date" },
            "user_id": { "type": "integer", "minimum": 1 },
            "country": { "enum": ["AT", "BE", "CH", "DE", "DK", "ES", "FR", "GB", "IT", "NL", "PL", "SE", "US"] },
            "amount": { "type": "number", "minimum": 0 },
            "quantity": { "type": "integer", "minimum": 1, "maximum": 1000 },
            "status": { "enum": ["ok", "retry", "failed"] },
            "channel": { "type": "string", "minLength": 1, "maxLength": 20 },
            "score": { "type": "number", "minimum": 0, "maximum": 1 },
            "active": { "type": "boolean" }
          }
        }
        """;

    private const string OpenSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "type": "object",
          "required": ["event_id", "ts", "user_id", "amount", "device"],
          "properties": {
            "event_id": { "type": "string", "pattern": "^EV-[0-9]{10}$" },
            "ts": { "type": "string", "format": "date" },
            "user_id": { "type": "integer", "minimum": 1 },
            "amount": { "type": "number", "minimum": 0 },
            "status": { "enum": ["ok", "retry", "failed"] },
            "device": {
              "type": "object",
              "required": ["os", "version"],
              "properties": {
                "os": { "enum": ["android", "ios", "web"] },
                "version": { "type": "string", "maxLength": 20 },
                "model": { "type": "string" }
              }
            },
            "tags": { "type": "array", "items": { "type": "string", "maxLength": 32 } }
          }
        }
        """;

    private static readonly string[] Countries = ["AT", "BE", "CH", "DE", "DK", "ES", "FR", "GB", "IT", "NL", "PL", "SE", "US"];
    private static readonly string[] Statuses = ["ok", "retry", "failed"];
    private static readonly string[] Channels = ["web", "mobile-app", "partner-api", "kiosk", "call-centre"];
    private static readonly string[] Systems = ["android", "ios", "web"];

    public static int Run(CommandArguments arguments)
    {
        var directory = arguments.Required("out-dir");
        var count = arguments.Int("count", 300_000, 1);
        var seed = arguments.Int("seed", 42, 0);
        arguments.RejectUnknown();
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "flat.schema.json"), FlatSchema);
        File.WriteAllText(Path.Combine(directory, "open.schema.json"), OpenSchema);
        var random = new Random(seed);
        Write(Path.Combine(directory, $"flat-{count}.ndjson"), count, i => Flat(random, i));
        Write(Path.Combine(directory, $"open-{count}.ndjson"), count, i => Open(random, i));
        return 0;
    }

    private static void Write(string path, int count, Func<int, string> record)
    {
        var partial = path + ".partial";
        using (var writer = new StreamWriter(partial, false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Write(record(i));
                writer.Write('\n');
            }
        }
        File.Move(partial, path, overwrite: true);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {count:N0} records ({new FileInfo(path).Length / 1e6:N1} MB) to {path}."));
    }

    private static string Flat(Random random, int i)
    {
        var defect = random.Next(10) == 0 ? random.Next(4) : -1;
        var builder = new StringBuilder(256);
        builder.Append(CultureInfo.InvariantCulture, $"{{\"event_id\":\"EV-{1_000_000_000L + i}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"ts\":\"2026-{1 + random.Next(12):00}-{1 + random.Next(28):00}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"user_id\":{(defect == 0 ? -5 : 1 + random.Next(5_000_000))}");
        builder.Append(CultureInfo.InvariantCulture, $",\"country\":\"{(defect == 1 ? "XX" : Countries[random.Next(Countries.Length)])}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"amount\":{random.Next(1, 1_000_000) / 100.0:0.00}");
        builder.Append(CultureInfo.InvariantCulture, $",\"quantity\":{(defect == 2 ? "\"7\"" : (1 + random.Next(1000)).ToString(CultureInfo.InvariantCulture))}");
        builder.Append(CultureInfo.InvariantCulture, $",\"status\":\"{Statuses[random.Next(Statuses.Length)]}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"channel\":\"{Channels[random.Next(Channels.Length)]}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"score\":{random.NextDouble():0.0000}");
        builder.Append(CultureInfo.InvariantCulture, $",\"active\":{(random.Next(2) == 0 ? "true" : "false")}");
        if (defect == 3)
        {
            builder.Append(",\"debug\":true");
        }
        return builder.Append('}').ToString();
    }

    private static string Open(Random random, int i)
    {
        var builder = new StringBuilder(320);
        builder.Append(CultureInfo.InvariantCulture, $"{{\"event_id\":\"EV-{1_000_000_000L + i}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"ts\":\"2026-{1 + random.Next(12):00}-{1 + random.Next(28):00}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"user_id\":{1 + random.Next(5_000_000)}");
        builder.Append(CultureInfo.InvariantCulture, $",\"amount\":{random.Next(1, 1_000_000) / 100.0:0.00}");
        builder.Append(CultureInfo.InvariantCulture, $",\"status\":\"{Statuses[random.Next(Statuses.Length)]}\"");
        builder.Append(CultureInfo.InvariantCulture, $",\"device\":{{\"os\":\"{Systems[random.Next(Systems.Length)]}\",\"version\":\"{random.Next(10, 18)}.{random.Next(10)}\",\"model\":\"M{random.Next(100)}\",\"locale\":\"en-GB\"}}");
        builder.Append(CultureInfo.InvariantCulture, $",\"tags\":[\"t{random.Next(50)}\",\"t{random.Next(50)}\"]");
        // Undeclared in the open schema: valid, but drift on every record.
        builder.Append(CultureInfo.InvariantCulture, $",\"session\":\"S{random.Next(1_000_000):000000}\",\"ingest_ms\":{random.Next(1000)}");
        return builder.Append('}').ToString();
    }
}
