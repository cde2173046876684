using System.Diagnostics;
using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>
/// CPU used over an interval, in average CPUs busy (1.00 = one core): by a set of processes (the replicas), by this
/// process (the load generator), and by everything else on the machine (PostgreSQL, other engineers' work).
/// </summary>
internal sealed class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ
    private readonly IReadOnlyList<int> _pids;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly (long Servers, long Self, long Machine) _at;

    private ProcessCpu(IReadOnlyList<int> pids)
    {
        _pids = pids;
        _at = Read();
    }

    public static ProcessCpu Start(IReadOnlyList<int> serverPids) => new(serverPids);

    /// <summary>"servers / load generator / other".</summary>
    public string Stop()
    {
        var now = Read();
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds * TicksPerSecond;
        if (now.Machine < 0 || _at.Machine < 0)
        {
            return "–";
        }
        var servers = (now.Servers - _at.Servers) / wall;
        var self = (now.Self - _at.Self) / wall;
        var other = Math.Max(0, (now.Machine - _at.Machine) / wall - servers - self);
        return string.Create(CultureInfo.InvariantCulture, $"{(_pids.Count > 0 ? servers.ToString("0.00", CultureInfo.InvariantCulture) : "?")} / {self:0.00} / {other:0.00}");
    }

    private (long Servers, long Self, long Machine) Read()
    {
        try
        {
            var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (_pids.Sum(p => Ticks($"/proc/{p}/stat")), Ticks("/proc/self/stat"), machine.Sum() - machine[3] - machine[4]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0, -1);
        }
    }

    private static long Ticks(string statPath)
    {
        if (!File.Exists(statPath))
        {
            return 0;
        }
        var text = File.ReadAllText(statPath);
        // Fields after "(comm)": utime is field 14, stime 15.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }
}
