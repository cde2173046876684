using System.Diagnostics;
using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>
/// How many CPUs other processes kept busy while this one was measuring: the machine's busy time from /proc/stat
/// minus this process's own CPU time. A run disturbed by other work shows up in the report instead of passing silently.
/// </summary>
internal sealed class OtherCpuUse
{
    // /proc/stat counts in USER_HZ, which is 100 on every mainstream Linux build.
    private const double TicksPerSecond = 100;

    private readonly long startBusyTicks;
    private readonly TimeSpan startOwnCpu;
    private readonly long startTimestamp;

    private OtherCpuUse(long busyTicks)
    {
        startBusyTicks = busyTicks;
        startOwnCpu = Process.GetCurrentProcess().TotalProcessorTime;
        startTimestamp = Stopwatch.GetTimestamp();
    }

    public static OtherCpuUse? Start() => ReadBusyTicks() is { } busy ? new OtherCpuUse(busy) : null;

    /// <summary>Average number of CPUs busy with other processes since <see cref="Start"/>.</summary>
    public double? AverageCpus()
    {
        if (ReadBusyTicks() is not { } busy)
        {
            return null;
        }
        var wall = Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - startOwnCpu).TotalSeconds;
        var machine = (busy - startBusyTicks) / TicksPerSecond;
        return wall > 0 ? Math.Max(0, (machine - own) / wall) : null;
    }

    private static long? ReadBusyTicks()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal …": everything but idle and iowait is busy.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return ticks.Sum() - ticks[3] - ticks[4];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
