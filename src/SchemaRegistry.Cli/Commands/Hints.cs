using System.CommandLine;
using System.Text.RegularExpressions;
using SchemaRegistry.Client;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// What to do about a failure, in CLI terms: the server's messages name HTTP calls (they are also read by API
/// clients), which a person at the CLI turns into the <c>schemareg</c> command that makes them; a refused or missing
/// token says where tokens are looked for; VAL-1402 lists the ways out.
/// </summary>
internal static partial class Hints
{
    private static readonly (Regex Call, string Command)[] Calls =
    [
        (DriftAck(), "`schemareg drift ack $1`"),
        (PipelineAllowMajor(), "`schemareg pipelines register $1 --update --layer … --fqid … --allow-major`"),
        (PipelineUpdate(), "`schemareg pipelines register $1 --update --layer … --fqid …`"),
        (PipelineRegister(), "`schemareg pipelines register`"),
        (SchemaValidate(), "`schemareg schema validate FQID`"),
        (SchemaEdit(), "`schemareg schema edit FILE`"),
    ];

    /// <summary>The problem with HTTP calls named as commands, and a transport failure's way forward on the same line.</summary>
    public static ProblemResponse ForCli(ProblemResponse problem)
    {
        var detail = problem.Detail is null ? null : Commands(problem.Detail);
        detail = problem.Code switch
        {
            RegistryClient.UnreachableCode => $"{detail}. Start it with `schemareg serve`, or point to it with --server or SCHEMAREG_URL.",
            RegistryClient.TimeoutCode => $"{detail} Check that --server or SCHEMAREG_URL points to the registry.",
            _ => detail,
        };
        return problem with
        {
            Detail = detail,
            Errors = problem.Errors?.Select(i => i with { Message = Commands(i.Message) }).ToList(),
        };
    }

    /// <summary>Lines printed after the error.</summary>
    public static IEnumerable<string> For(ParseResult parse, ProblemResponse problem)
    {
        if (problem.Code == ErrorCode.Unauthenticated)
        {
            var (_, source) = ClientOptions.FindToken(parse);
            yield return source is null
                ? $"hint: no API key was found; one is looked for in {ClientOptions.TokenPlaces}."
                : $"hint: the API key from {source} was refused (unknown, revoked or expired); keys are looked for in {ClientOptions.TokenPlaces}.";
        }
        if (problem.Code == ErrorCode.VersionMismatch)
        {
            foreach (var line in WaysOut(parse, problem))
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> WaysOut(ParseResult parse, ProblemResponse problem)
    {
        var fqid = parse.CommandResult.Command.Arguments.OfType<Argument<string>>().FirstOrDefault(a => a.Name == "fqid") is { } argument
            ? parse.GetValue(argument) : null;
        var (subject, nextMajor) = fqid is not null && FqidText().Match(fqid) is { Success: true } m
            ? (m.Groups[1].Value, $"{m.Groups[1].Value}:v{int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}.0")
            : ("SUBJECT", "SUBJECT:vNEXT.0");
        yield return "ways out:";
        yield return $"  - make it a new major version: register the change as {nextMajor} (`schemareg schema register FILE`);";
        if ((problem.Errors ?? []).Any(i => i.Message.Contains("leaves the object open", StringComparison.Ordinal)))
        {
            yield return "  - close the object (\"additionalProperties\": false) in that new major, so optional fields added later are minor changes;";
        }
        yield return $"  - or set the subject's mode: `schemareg config set {subject} --compatibility FORWARD` (or NONE); see `schemareg config get {subject}`.";
    }

    private static string Commands(string text)
    {
        foreach (var (call, command) in Calls)
        {
            text = call.Replace(text, command);
        }
        return text;
    }

    [GeneratedRegex(@"^([a-z][a-z0-9_]*\.[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*):v(\d+)(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex FqidText();

    [GeneratedRegex(@"POST /v1/drift/(\d+)/ack", RegexOptions.CultureInvariant)]
    private static partial Regex DriftAck();

    [GeneratedRegex(@"PUT /v1/pipelines/([\w.-]+) with ""allow_major"": true", RegexOptions.CultureInvariant)]
    private static partial Regex PipelineAllowMajor();

    [GeneratedRegex(@"PUT /v1/pipelines/([\w.-]+)", RegexOptions.CultureInvariant)]
    private static partial Regex PipelineUpdate();

    [GeneratedRegex(@"POST /v1/pipelines\b", RegexOptions.CultureInvariant)]
    private static partial Regex PipelineRegister();

    [GeneratedRegex(@"POST /v1/schema/validate\b", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaValidate();

    [GeneratedRegex(@"PUT /v1/schema/[a-z0-9_.]+:v\d+\.\d+", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaEdit();
}
