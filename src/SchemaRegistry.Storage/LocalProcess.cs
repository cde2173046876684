namespace SchemaRegistry.Storage;

/// <summary>
/// Whether a process of this machine still runs: files that name their writer's pid (spool folders, temporary blob
/// files) are a crash's leftovers once it is gone.
/// </summary>
public static class LocalProcess
{
    public static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
