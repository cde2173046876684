using SchemaRegistry.Core.Naming;
using SchemaRegistry.Core.Pipelines;

namespace SchemaRegistry.Storage.Ports;

/// <summary>The drift one batch showed on a subject, merged into the subject's open case (or a new one).</summary>
public sealed record DriftObservation(SubjectName Subject, string RunId, IReadOnlyList<DriftCaseField> Fields);
