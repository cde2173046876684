using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// Runs a client action and turns API failures into a printed code and a non-zero exit: every command that talks to
/// the registry reports through <see cref="Print"/>, so a stopped server is one line with a hint, never a stack trace.
/// </summary>
internal static class ClientCommand
{
    public static void SetAction(Command command, Func<ParseResult, RegistryClient, CancellationToken, Task> action) =>
        SetAction(command, async (parse, client, ct) =>
        {
            await action(parse, client, ct);
            return ExitCodes.Ok;
        });

    /// <summary>An action that picks its own exit code (a check that can fail, as a CI gate).</summary>
    public static void SetAction(Command command, Func<ParseResult, RegistryClient, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = ClientOptions.CreateClient(parse);
            try
            {
                return await action(parse, client, cancellationToken);
            }
            catch (RegistryApiException e)
            {
                Print(parse, e);
                return ExitCodes.Of(e.Problem);
            }
            catch (HttpRequestException e)
            {
                // Raised mid-stream (an export whose connection drops after its headers).
                Print(parse, client.Unreachable(e));
                return ExitCodes.ServerOrNetwork;
            }
            catch (CheckFailedException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.ProblemsFound;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
        });

    /// <summary>Prints a failure; one of the transport adds where the registry's address comes from.</summary>
    public static void Print(ParseResult parse, RegistryApiException e)
    {
        Printer.Error(e.Problem, ClientOptions.Json(parse));
        if (e.Problem.Code is RegistryClient.UnreachableCode or RegistryClient.TimeoutCode && !ClientOptions.Json(parse))
        {
            Console.Error.WriteLine($"hint: is the registry running at {ClientOptions.ServerUrl(parse)}? Point to it with --server or SCHEMAREG_URL.");
        }
    }
}
