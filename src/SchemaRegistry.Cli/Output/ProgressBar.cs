using System.Diagnostics;
using System.Globalization;
using SchemaRegistry.Data.Validation;

namespace SchemaRegistry.Cli.Output;

/// <summary>A one-line progress bar on stderr (by bytes of the input read), only when stderr is a terminal.</summary>
internal sealed class ProgressBar : IProgress<BatchProgress>, IDisposable
{
    private readonly Stream _source;
    private readonly long _length;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    private ProgressBar(Stream source, long length)
    {
        _source = source;
        _length = Math.Max(1, length);
    }

    public static ProgressBar? ForTerminal(Stream source, long length) =>
        Console.IsErrorRedirected || Environment.GetEnvironmentVariable("CI") is not null ? null : new ProgressBar(source, length);

    public void Report(BatchProgress value)
    {
        var now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 200)
        {
            return;
        }
        _lastDraw = now;
        var share = Math.Clamp((double)_source.Position / _length, 0, 1);
        var filled = (int)(share * 30);
        var rate = value.Records / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string(' ', 30 - filled)}] {share,4:P0}  {value.Records:N0} records  {rate:N0}/s  {value.Failed:N0} failed   "));
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
