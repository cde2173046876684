namespace SchemaRegistry.JsonSchema.Engine;

/// <summary>Evaluation could not finish (recursion without progress, pattern timeout); the instance is reported invalid.</summary>
internal sealed class EvaluationAbortedException(string message) : Exception(message);
