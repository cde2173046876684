using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SchemaRegistry.Bench;

/// <summary>
/// The open-loop generator's HTTP/1.1 client: one GET prepared as bytes once, sent over a pool of keep-alive
/// sockets (a request takes an idle connection or opens one, as wrk2 does), the answer read by its Content-Length.
/// It allocates next to nothing per request and takes a fraction of HttpClient's CPU, so on a 2-CPU machine the
/// generator's own work and collections disturb the server's latency as little as they can.
/// </summary>
internal sealed class RawHttpGetter : IDisposable
{
    private readonly IPEndPoint _endpoint;
    private readonly byte[] _request;
    private readonly ConcurrentBag<Connection> _idle = [];
    private readonly ConcurrentBag<Connection> _all = [];

    public RawHttpGetter(Uri url, string token)
    {
        var host = url.Host == "localhost" ? IPAddress.Loopback : IPAddress.Parse(url.Host);
        _endpoint = new IPEndPoint(host, url.Port);
        _request = Encoding.ASCII.GetBytes(
            $"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nAuthorization: Bearer {token}\r\nAccept: application/json\r\n\r\n");
    }

    /// <summary>Sends the GET and reads the whole answer; returns its status code.</summary>
    public async ValueTask<int> GetAsync()
    {
        if (!_idle.TryTake(out var connection))
        {
            connection = await Connection.OpenAsync(_endpoint);
            _all.Add(connection);
        }
        try
        {
            var status = await connection.ExchangeAsync(_request);
            _idle.Add(connection);
            return status;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var connection in _all)
        {
            connection.Dispose();
        }
    }

    private sealed class Connection(Socket socket) : IDisposable
    {
        private readonly byte[] _buffer = new byte[1 << 16];

        public static async ValueTask<Connection> OpenAsync(IPEndPoint endpoint)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            return new Connection(socket);
        }

        public async ValueTask<int> ExchangeAsync(byte[] request)
        {
            await socket.SendAsync(request, SocketFlags.None);
            var filled = 0;
            int headerEnd;
            while ((headerEnd = _buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
            {
                filled += await ReceiveAsync(filled);
            }
            var (status, contentLength) = ParseHead(_buffer.AsSpan(0, headerEnd));
            var total = headerEnd + 4 + contentLength;
            if (total > _buffer.Length)
            {
                throw new InvalidDataException($"An answer of {total:N0} bytes is larger than the generator's buffer.");
            }
            while (filled < total)
            {
                filled += await ReceiveAsync(filled);
            }
            if (filled != total)
            {
                throw new InvalidDataException("The server sent more than one answer.");
            }
            return status;
        }

        public void Dispose() => socket.Dispose();

        private async ValueTask<int> ReceiveAsync(int filled)
        {
            if (filled == _buffer.Length)
            {
                throw new InvalidDataException("The answer's head does not fit the generator's buffer.");
            }
            var read = await socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None);
            return read > 0 ? read : throw new IOException("The server closed the connection.");
        }

        private static (int Status, int ContentLength) ParseHead(ReadOnlySpan<byte> head)
        {
            // "HTTP/1.1 200 OK"
            if (head.Length < 12 || !Utf8Parser.TryParse(head[9..12], out int status, out _))
            {
                throw new InvalidDataException("The answer does not start with an HTTP/1.1 status line.");
            }
            foreach (var range in head.Split("\r\n"u8))
            {
                var line = head[range];
                var colon = line.IndexOf((byte)':');
                if (colon > 0 && Ascii.EqualsIgnoreCase(line[..colon], "Content-Length"u8)
                    && Utf8Parser.TryParse(line[(colon + 1)..].Trim((byte)' '), out int length, out _))
                {
                    return (status, length);
                }
            }
            throw new InvalidDataException("The answer has no Content-Length (the generator reads no chunked bodies).");
        }
    }
}
