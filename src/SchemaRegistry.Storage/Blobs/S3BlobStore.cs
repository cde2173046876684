using System.Buffers;
using System.Net;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using SchemaRegistry.Storage.Ports;

namespace SchemaRegistry.Storage.Blobs;

/// <summary>
/// Blobs as objects in an S3 bucket (AWS S3 or an S3-compatible server), under an optional key prefix; configured by an
/// <c>s3://bucket/optional/prefix?endpoint=http://127.0.0.1:4568&amp;region=us-east-1&amp;access_key=…&amp;secret_key=…&amp;path_style=true</c>
/// URL (every option is described on <see cref="S3BlobSettings"/>). Keys are checked by <see cref="BlobKey"/> before any
/// request, so no key can leave the prefix. Small blobs are one PUT; streams are sent in parts of
/// <see cref="S3BlobSettings.PartSize"/> bytes (a multipart upload once a stream fills a part), so only one part is held
/// in memory. Object writes are atomic in S3: a reader sees the old or the new content, never a mix.
/// </summary>
internal sealed class S3BlobStore : IBlobStore, IDisposable
{
    /// <summary>The most parts one multipart upload may have.</summary>
    private const int MaxParts = 10_000;

    private readonly S3BlobSettings _settings;
    private readonly AmazonS3Client _client;
    private readonly string _root;

    public S3BlobStore(S3BlobSettings settings)
    {
        _settings = settings;
        _client = settings.CreateClient();
        _root = settings.Prefix.Length > 0 ? settings.Prefix + "/" : "";
    }

    /// <summary>The client, for tests that watch the requests made.</summary>
    internal AmazonS3Client Client => _client;

    /// <summary><c>s3://bucket/prefix</c>, with the endpoint when it is not AWS; never credentials.</summary>
    public string Description => _settings.Description;

    public async Task PutAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        await using var stream = MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);
        await PutObjectAsync(objectKey, stream, cancellationToken);
    }

    public async Task PutAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        var partSize = _settings.PartSize;
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var length = await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
            if (length < partSize)
            {
                await using var whole = new MemoryStream(buffer, 0, length, writable: false);
                await PutObjectAsync(objectKey, whole, cancellationToken);
                return;
            }
            await MultipartUploadAsync(objectKey, content, buffer, length, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        using var response = await GetObjectOrNullAsync(ObjectKey(key), cancellationToken);
        if (response is null)
        {
            return null;
        }
        var length = response.ContentLength;
        using var copy = new MemoryStream(length is > 0 and <= int.MaxValue ? (int)length : 0);
        await response.ResponseStream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        var response = await GetObjectOrNullAsync(ObjectKey(key), cancellationToken);
        return response is null ? null : new ObjectStream(response);
    }

    /// <summary>One listing of at most one key under the prefix: the endpoint answers, the bucket exists and the credentials are accepted.</summary>
    public async Task<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _settings.Bucket, Prefix = _root, MaxKeys = 1 }, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or System.Net.Sockets.SocketException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>The keys under the folder <paramref name="prefix"/> (whole segments, as in the file store), relative to the store's prefix, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var segments = BlobKey.Segments(prefix, allowEmpty: true);
        var request = new ListObjectsV2Request
        {
            BucketName = _settings.Bucket,
            Prefix = segments.Length == 0 ? _root : _root + string.Join('/', segments) + "/",
            MaxKeys = _settings.PageSize,
        };
        var keys = new List<string>();
        ListObjectsV2Response response;
        do
        {
            response = await _client.ListObjectsV2Async(request, cancellationToken);
            foreach (var item in response.S3Objects ?? [])
            {
                // Zero-byte "folder" markers that consoles create are not blobs.
                if (item.Key.StartsWith(_root, StringComparison.Ordinal) && !item.Key.EndsWith('/'))
                {
                    keys.Add(item.Key[_root.Length..]);
                }
            }
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true && !string.IsNullOrEmpty(response.NextContinuationToken));
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    /// <summary>
    /// Deletes the object; false when it did not exist. S3's DELETE succeeds either way, so a HEAD asks first (a blob
    /// deleted by someone else between the two still counts as deleted here).
    /// </summary>
    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var objectKey = ObjectKey(key);
        try
        {
            await _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _settings.Bucket, Key = objectKey }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // A HEAD response has no body, so a missing object and a missing bucket look alike here.
            return false;
        }
        await _client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _settings.Bucket, Key = objectKey }, cancellationToken);
        return true;
    }

    public void Dispose() => _client.Dispose();

    private string ObjectKey(string key) => _root + string.Join('/', BlobKey.Segments(key));

    private Task PutObjectAsync(string objectKey, MemoryStream content, CancellationToken cancellationToken) =>
        _client.PutObjectAsync(
            new PutObjectRequest
            {
                BucketName = _settings.Bucket,
                Key = objectKey,
                InputStream = content,
                AutoCloseStream = false,
                UseChunkEncoding = _settings.ChunkEncoding,
            },
            cancellationToken);

    private async Task MultipartUploadAsync(string objectKey, Stream content, byte[] buffer, int length, CancellationToken cancellationToken)
    {
        var partSize = _settings.PartSize;
        var upload = await _client.InitiateMultipartUploadAsync(
            new InitiateMultipartUploadRequest { BucketName = _settings.Bucket, Key = objectKey }, cancellationToken);
        try
        {
            var parts = new List<PartETag>();
            for (var partNumber = 1; length > 0; partNumber++)
            {
                if (partNumber > MaxParts)
                {
                    throw new IOException($"Blob '{objectKey}' needs more than {MaxParts} parts of {partSize} bytes; raise part_size_mib.");
                }
                await using (var part = new MemoryStream(buffer, 0, length, writable: false))
                {
                    var uploaded = await _client.UploadPartAsync(new UploadPartRequest
                    {
                        BucketName = _settings.Bucket,
                        Key = objectKey,
                        UploadId = upload.UploadId,
                        PartNumber = partNumber,
                        PartSize = length,
                        InputStream = part,
                        UseChunkEncoding = _settings.ChunkEncoding,
                    }, cancellationToken);
                    parts.Add(new PartETag(partNumber, uploaded.ETag));
                }
                length = length < partSize
                    ? 0
                    : await content.ReadAtLeastAsync(buffer.AsMemory(0, partSize), partSize, throwOnEndOfStream: false, cancellationToken);
            }
            await _client.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = _settings.Bucket,
                Key = objectKey,
                UploadId = upload.UploadId,
                PartETags = parts,
            }, cancellationToken);
        }
        catch
        {
            await AbortQuietlyAsync(objectKey, upload.UploadId);
            throw;
        }
    }

    /// <summary>Frees the parts of a failed upload; the original failure is what the caller needs to see.</summary>
    private async Task AbortQuietlyAsync(string objectKey, string uploadId)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _client.AbortMultipartUploadAsync(
                new AbortMultipartUploadRequest { BucketName = _settings.Bucket, Key = objectKey, UploadId = uploadId }, timeout.Token);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException or IOException or OperationCanceledException)
        {
            // Left for the bucket's lifecycle rule on incomplete multipart uploads.
        }
    }

    private async Task<GetObjectResponse?> GetObjectOrNullAsync(string objectKey, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.GetObjectAsync(new GetObjectRequest { BucketName = _settings.Bucket, Key = objectKey }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode is "NoSuchKey" or "NotFound")
        {
            return null;
        }
    }

    /// <summary>An object's body, read as it arrives; disposing it releases the HTTP response.</summary>
    private sealed class ObjectStream(GetObjectResponse response) : Stream
    {
        private readonly Stream _body = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => response.ContentLength;
        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => _body.Read(buffer, offset, count);

        public override int Read(Span<byte> buffer) => _body.Read(buffer);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _body.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _body.ReadAsync(buffer, cancellationToken);

        public override Task CopyToAsync(Stream destination, int bufferSize, CancellationToken cancellationToken) =>
            _body.CopyToAsync(destination, bufferSize, cancellationToken);

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
                _body.Dispose();
                response.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
