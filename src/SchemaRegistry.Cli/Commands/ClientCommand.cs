using System.CommandLine;
using SchemaRegistry.Cli.Output;
using SchemaRegistry.Client;

namespace SchemaRegistry.Cli.Commands;

/// <summary>Runs a client action and turns API failures into a printed code and a non-zero exit.</summary>
internal static class ClientCommand
{
    public const int FailureExitCode = 1;

    public static void SetAction(Command command, Func<ParseResult, RegistryClient, CancellationToken, Task> action) =>
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var client = ClientOptions.CreateClient(parse);
            try
            {
                await action(parse, client, cancellationToken);
                return 0;
            }
            catch (RegistryApiException e)
            {
                Printer.Error(e.Problem, ClientOptions.Json(parse));
                return FailureExitCode;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return FailureExitCode;
            }
        });
}
