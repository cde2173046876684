using System.Globalization;
using Microsoft.AspNetCore.Http;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Server.Hosting;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// Admits expensive checks that readers can ask for (validate, compatibility, diff) a few at a time: at most
/// <see cref="RegistryOptions.MaxConcurrentChecks"/> run, at most <see cref="RegistryOptions.MaxQueuedChecks"/> wait (without holding a thread) for up to
/// <see cref="RegistryOptions.CheckQueueSeconds"/>; the rest are refused at once with 503 REQ-1006 and Retry-After.
/// The CPUs left over keep cheap requests (reads, health) fast however many checks are asked for.
/// </summary>
internal sealed class CheckAdmission(RegistryOptions options)
{
    private readonly SemaphoreSlim _running = new(Math.Max(1, options.MaxConcurrentChecks));
    private int _waiting;
    private long _refused;

    /// <summary>Checks refused since start (queue full or waited too long).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Waits for a turn; dispose the result to give it back. Refusal sets Retry-After and throws REQ-1006.</summary>
    public async Task<IDisposable> EnterAsync(HttpContext http)
    {
        if (_running.Wait(0))
        {
            return new Turn(_running);
        }
        if (Interlocked.Increment(ref _waiting) > Math.Max(0, options.MaxQueuedChecks))
        {
            Interlocked.Decrement(ref _waiting);
            throw Busy(http, $"{options.MaxQueuedChecks} checks are already waiting for their turn");
        }
        try
        {
            if (!await _running.WaitAsync(TimeSpan.FromSeconds(Math.Max(0, options.CheckQueueSeconds)), http.RequestAborted))
            {
                throw Busy(http, $"the check waited {options.CheckQueueSeconds.ToString(CultureInfo.InvariantCulture)} s without getting a turn");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
        return new Turn(_running);
    }

    private RegistryException Busy(HttpContext http, string why)
    {
        Interlocked.Increment(ref _refused);
        http.Response.Headers.RetryAfter = "2";
        return new RegistryException(new RegistryError(ErrorCode.ServerBusy, ErrorKind.Unavailable, "Server busy",
            $"The registry is running as many expensive checks as it admits ({options.MaxConcurrentChecks} at once) and {why}; retry after 2 s."));
    }

    private sealed class Turn(SemaphoreSlim running) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                running.Release();
            }
        }
    }
}
