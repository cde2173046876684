using Spectre.Console;

namespace SchemaRegistry.Cli.ConfluentCopy;

/// <summary>
/// Progress of a copy, one step per subject: a Spectre.Console bar on stderr when it is a terminal, otherwise one plain
/// line per subject on stderr (what a log or a test reads), so stdout keeps only the report.
/// </summary>
internal static class CopyProgress
{
    public static bool Interactive => !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Runs <paramref name="work"/> with a callback it calls after each subject (done, total, line).</summary>
    public static async Task<T> RunAsync<T>(string title, Func<Action<int, int, string>, Task<T>> work)
    {
        if (!Interactive)
        {
            return await work((done, total, line) => Console.Error.WriteLine($"[{done}/{total}] {line}"));
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        T result = default!;
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: 1);
                result = await work((done, total, line) =>
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = done;
                    task.Description = Markup.Escape(line.Length > 60 ? line[..60] : line);
                });
                task.Value = task.MaxValue;
            });
        return result;
    }
}
