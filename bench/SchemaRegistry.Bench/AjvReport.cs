namespace SchemaRegistry.Bench;

/// <summary>The JSON line bench/ajv/validate.mjs prints (snake_case on the wire).</summary>
internal sealed record AjvReport(
    int Records,
    double Seconds,
    int Valid,
    long Bytes,
    double WarmupSeconds,
    double[] PassSeconds,
    string Node,
    string Ajv,
    string AjvFormats);
