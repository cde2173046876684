namespace SchemaRegistry.Server.Http;

/// <summary>
/// The body a route reads itself (through <see cref="JsonBody"/> or as a stream), for the OpenAPI document only.
/// Unlike <c>Accepts&lt;T&gt;</c> it does not make routing refuse other Content-Types with a bare 415, which would
/// break the runbook's <c>curl -d</c> (form content type) and the batch endpoint's own coded 415.
/// </summary>
/// <param name="Type">The JSON body's type; <c>null</c> for a body of bytes.</param>
internal sealed record RequestBodyMetadata(Type? Type, bool Optional, IReadOnlyList<string> ContentTypes);
