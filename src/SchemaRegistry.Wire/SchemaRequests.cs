using System.Text.Json;

namespace SchemaRegistry.Wire;

/// <summary>Body of <c>POST /v1/schema</c> (register a draft) and <c>PUT /v1/schema/{fqid}</c> (edit it).</summary>
/// <param name="Fqid">e.g. <c>finance.gdp.invoice:v1.2</c>.</param>
/// <param name="Owner">The accountable team.</param>
/// <param name="Description">What the records are.</param>
/// <param name="Format">Schema language; <c>json-schema</c> (the default).</param>
/// <param name="Compatibility">NONE, BACKWARD (default), FORWARD, FULL or a _TRANSITIVE form.</param>
/// <param name="Tags">Free-form labels.</param>
/// <param name="Payload">The JSON Schema of one record.</param>
public sealed record RegisterSchemaRequest(
    string? Fqid,
    string? Owner,
    string? Description = null,
    string? Format = null,
    string? Compatibility = null,
    Dictionary<string, string>? Tags = null,
    JsonElement? Payload = null);

/// <summary>Body of the lifecycle calls: validate, submit, approve, reject, publish, deprecate.</summary>
/// <param name="Fqid">The exact version acted on.</param>
/// <param name="Comment">Recorded in the history (required to reject).</param>
/// <param name="Force">Publish without approval (schema-admin only, needs <paramref name="Reason"/>).</param>
/// <param name="Reason">Why a publish was forced.</param>
public sealed record LifecycleRequest(string? Fqid, string? Comment = null, bool Force = false, string? Reason = null);
