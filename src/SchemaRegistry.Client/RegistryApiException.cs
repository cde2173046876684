using SchemaRegistry.Wire;

namespace SchemaRegistry.Client;

/// <summary>A call to the registry failed: the server's problem details, or a transport failure (status 0).</summary>
public sealed class RegistryApiException : Exception
{
    /// <summary>Creates the exception from a problem response.</summary>
    public RegistryApiException(ProblemResponse problem, Exception? inner = null)
        : base($"{problem.Code ?? problem.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)}: {problem.Detail ?? problem.Title}", inner)
    {
        Problem = problem;
    }

    /// <summary>The problem details (synthesised for transport failures).</summary>
    public ProblemResponse Problem { get; }

    /// <summary>HTTP status, or 0 when no answer arrived.</summary>
    public int Status => Problem.Status;

    /// <summary>The catalog code, e.g. VAL-1304, or PIPE-1001 for a timeout.</summary>
    public string? Code => Problem.Code;
}
