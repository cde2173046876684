using System.Buffers;
using System.IO.Compression;

namespace SchemaRegistry.Storage.Backup;

/// <summary>Splits the decompressed archive into lines (without their '\n'); a damaged gzip stream is an invalid archive.</summary>
internal sealed class ArchiveLineReader(Stream compressed) : IAsyncDisposable
{
    private readonly GZipStream _gzip = new(compressed, CompressionMode.Decompress, leaveOpen: true);
    private readonly byte[] _buffer = new byte[1 << 16];
    private readonly ArrayBufferWriter<byte> _pending = new();
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>The next line, or null at the end. A last line without '\n' is refused: the archive was cut short.</summary>
    public async Task<byte[]?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _pending.ResetWrittenCount();
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _pending.Write(available[..newline]);
                _start += newline + 1;
                return _pending.WrittenSpan.ToArray();
            }
            _pending.Write(available);
            _start = _end;
            if (_pending.WrittenCount > ArchiveLayout.MaxLineBytes)
            {
                throw ArchiveErrors.Invalid($"The archive has a line longer than {ArchiveLayout.MaxLineBytes} bytes.");
            }
            if (_eof || !await FillAsync(cancellationToken))
            {
                return _pending.WrittenCount == 0 ? null : throw ArchiveErrors.Invalid("The archive ends in the middle of a line (it was cut short).");
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        try
        {
            _start = 0;
            _end = await _gzip.ReadAsync(_buffer, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw ArchiveErrors.Invalid($"The archive is not a gzip stream, or it is damaged: {e.Message}");
        }
        _eof = _end == 0;
        return !_eof;
    }

    public ValueTask DisposeAsync() => _gzip.DisposeAsync();
}
