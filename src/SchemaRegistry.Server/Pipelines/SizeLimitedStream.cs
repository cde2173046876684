using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Pipelines;

/// <summary>
/// Reads a decompressing stream, refusing (413 REQ-1002) once more than the limit has come out of it; a corrupt
/// compressed body is 422 PIPE-1002. Disposing it disposes the decompressor, not the request body.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(Guard(() => inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return Count(await inner.ReadAsync(buffer, cancellationToken));
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > maxBytes)
        {
            throw new RegistryException(new RegistryError(ErrorCode.RequestTooLarge, ErrorKind.TooLarge, "Batch too large once decompressed",
                $"The batch expands to more than the configured limit of {maxBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} bytes (Registry:MaxBatchBytes) once decompressed."));
        }
        return read;
    }

    private static int Guard(Func<int> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(e);
        }
    }

    private static RegistryException Corrupt(InvalidDataException e) =>
        new(new RegistryError(ErrorCode.BatchValidationFailed, ErrorKind.Unprocessable, "Batch unreadable",
            $"The compressed body does not decompress: {e.Message}"));
}
