using SchemaRegistry.Core.Naming;

namespace SchemaRegistry.Storage.Ports;

/// <summary>One subject in a listing: how many versions it has and the newest published one.</summary>
public sealed record SubjectSummary(SubjectName Subject, int Versions, SchemaVersion? LatestPublished, DateTimeOffset UpdatedAt);
