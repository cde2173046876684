using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;

namespace SchemaRegistry.Cli.Commands;

/// <summary>
/// Runs a client action and turns API failures into a printed code and an exit code from <see cref="ExitCodes"/>:
/// every command that talks to the registry reports through <see cref="Print"/>, so a stopped server is one line with
/// a hint, never a stack trace.
/// </summary>
internal static class ClientCommand
{
    /// <summary>The outputs of a command that prints a table or the API's JSON.</summary>
    public static readonly string[] TableOrJson = ["table", "json"];

    /// <param name="outputs">What <c>--output</c> takes (the first is the default); empty: the command has no <c>--output</c>.</param>
    public static void SetAction(Command command, Func<ParseResult, RegistryClient, CancellationToken, Task> action, string[]? outputs = null) =>
        SetAction(command, async (parse, client, ct) =>
        {
            await action(parse, client, ct);
            return ExitCodes.Ok;
        }, outputs);

    /// <summary>An action that picks its own exit code (a check that can fail, as a CI gate).</summary>
    public static void SetAction(Command command, Func<ParseResult, RegistryClient, CancellationToken, Task<int>> action, string[]? outputs = null)
    {
        ClientOptions.AddConnection(command);
        if ((outputs ?? TableOrJson) is { Length: > 0 } formats)
        {
            ClientOptions.Output(command, formats);
        }
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
            catch (InputException e)
            {
                return Refuse(e);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.UsageOrInput;
            }
        });
    }

    /// <summary>Prints an input error and its findings; answers the exit code.</summary>
    public static int Refuse(InputException e)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        foreach (var detail in e.Details)
        {
            Console.Error.WriteLine($"  {detail}");
        }
        return ExitCodes.UsageOrInput;
    }

    /// <summary>Prints a failure, with what to do about it in CLI terms (<see cref="Hints"/>).</summary>
    public static void Print(ParseResult parse, RegistryApiException e)
    {
        var json = ClientOptions.Json(parse);
        if (json)
        {
            Printer.Error(e.Problem, json: true);
            return;
        }
        Printer.Error(Hints.ForCli(e.Problem), json: false);
        foreach (var hint in Hints.For(parse, e.Problem))
        {
            Console.Error.WriteLine(hint);
        }
    }
}
