using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Input;

/// <summary>A schema file failed its meta-schema check; <see cref="Problem"/> holds every finding.</summary>
internal sealed class InvalidSchemaException(ProblemResponse problem) : Exception(problem.Detail)
{
    public ProblemResponse Problem { get; } = problem;
}
