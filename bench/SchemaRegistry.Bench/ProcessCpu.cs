using System.Diagnostics;
using System.Globalization;

namespace SchemaRegistry.Bench;

/// <summary>
/// CPU used over an interval, in average CPUs busy (1.00 = one core): by a set of processes (the replicas), by a
/// PostgreSQL server (its postmaster and every backend under it), by this process (the load generator), and by
/// everything else on the machine.
/// </summary>
internal sealed class ProcessCpu
{
    private const double TicksPerSecond = 100; // USER_HZ
    private readonly IReadOnlyList<int> _pids;
    private readonly int _postmaster;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly (long Servers, long Database, long Self, long Machine) _at;

    private ProcessCpu(IReadOnlyList<int> pids, int postmaster)
    {
        _pids = pids;
        _postmaster = postmaster;
        _at = Read();
    }

    public static ProcessCpu Start(IReadOnlyList<int> serverPids, int postmasterPid) => new(serverPids, postmasterPid);

    /// <summary>"replicas / PostgreSQL / load generator / other" ("?" for a group not given).</summary>
    public string Stop()
    {
        var now = Read();
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds * TicksPerSecond;
        if (now.Machine < 0 || _at.Machine < 0)
        {
            return "–";
        }
        var servers = (now.Servers - _at.Servers) / wall;
        var database = (now.Database - _at.Database) / wall;
        var self = (now.Self - _at.Self) / wall;
        var other = Math.Max(0, (now.Machine - _at.Machine) / wall - servers - database - self);
        string Share(bool known, double value) => known ? value.ToString("0.00", CultureInfo.InvariantCulture) : "?";
        return $"{Share(_pids.Count > 0, servers)} / {Share(_postmaster > 0, database)} / {Share(true, self)} / {Share(true, other)}";
    }

    private (long Servers, long Database, long Self, long Machine) Read()
    {
        try
        {
            var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            return (_pids.Sum(p => Ticks(p)?.Ticks ?? 0), DatabaseTicks(), Ticks(Environment.ProcessId)?.Ticks ?? 0, machine.Sum() - machine[3] - machine[4]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (0, 0, 0, -1);
        }
    }

    /// <summary>The postmaster's time and its children's (the backends; those that exit meanwhile are lost, pooled ones stay).</summary>
    private long DatabaseTicks()
    {
        if (_postmaster <= 0)
        {
            return 0;
        }
        long sum = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Ticks(pid) is { } t && (pid == _postmaster || t.Parent == _postmaster))
            {
                sum += t.Ticks;
            }
        }
        return sum;
    }

    private static (long Ticks, int Parent)? Ticks(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // gone meanwhile
        }
        // Fields after "(comm)": ppid is field 4, utime 14, stime 15.
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture),
            int.Parse(fields[1], CultureInfo.InvariantCulture));
    }
}
