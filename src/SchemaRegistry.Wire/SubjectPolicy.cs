namespace SchemaRegistry.Wire;

/// <summary>A subject's registration policy (<c>GET/PUT /v1/config/{subject}/policy</c>): how a Confluent client's register lands.</summary>
/// <param name="Subject">domain.layer.entity (absent in a PUT body).</param>
/// <param name="Policy">direct (validate, check and publish at once, as Confluent does) or reviewed (a version pending a schema-admin's approval).</param>
/// <param name="Source">subject when set for it, otherwise default (reviewed).</param>
public sealed record SubjectPolicy(string? Subject, string? Policy, string? Source = null);
