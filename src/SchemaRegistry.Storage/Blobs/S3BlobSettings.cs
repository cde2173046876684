using System.Globalization;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace SchemaRegistry.Storage.Blobs;

/// <summary>
/// Where an S3 blob store keeps its objects, read from a URL of the form
/// <c>s3://bucket/optional/prefix?endpoint=http://127.0.0.1:4568&amp;region=us-east-1&amp;access_key=…&amp;secret_key=…&amp;path_style=true</c>.
/// <list type="bullet">
/// <item><c>bucket</c>: an S3 bucket name (3–63 of a-z 0-9 . -); it must exist, the store never creates it.</item>
/// <item><c>prefix</c>: optional key prefix ('/'-separated safe segments, as blob keys); every object lives under it.</item>
/// <item><c>endpoint</c>: an S3-compatible server's base URL (MinIO, s3rver, Ceph…); default AWS S3 for the region.</item>
/// <item><c>region</c>: default <c>us-east-1</c>; with a custom endpoint, the region the requests are signed for.</item>
/// <item><c>access_key</c>, <c>secret_key</c> (and optional <c>session_token</c>): URL-escaped credentials; without them
/// the standard AWS chain is used (AWS_ACCESS_KEY_ID… environment variables, AWS_PROFILE and ~/.aws, instance roles).</item>
/// <item><c>path_style</c>: <c>true</c> for <c>endpoint/bucket/key</c> addressing; default true with a custom endpoint and false
/// without one (virtual-hosted <c>bucket.endpoint/key</c>).</item>
/// <item><c>page_size</c> (1–1000, default 1000): keys per list request; <c>part_size_mib</c> (5–5120, default 8): the
/// size of each part of a multipart upload, and so the memory one streamed upload holds.</item>
/// </list>
/// Secrets never appear in <see cref="Description"/>, <see cref="ToString"/> or an error message.
/// </summary>
public sealed class S3BlobSettings
{
    public const string DefaultRegion = "us-east-1";
    public const int MaxPageSize = 1000;
    private const int MiB = 1024 * 1024;

    public S3BlobSettings(string bucket, string prefix = "")
    {
        if (bucket.Length is < 3 or > 63 || bucket.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            || !char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            throw new ArgumentException($"'{bucket}' is not an S3 bucket name (3-63 characters of a-z, 0-9, '.' and '-').", nameof(bucket));
        }
        Bucket = bucket;
        Prefix = string.Join('/', BlobKey.Segments(prefix.Trim('/'), allowEmpty: true));
    }

    public string Bucket { get; }

    /// <summary>The key prefix without leading or trailing '/', or empty.</summary>
    public string Prefix { get; }

    /// <summary>A custom S3-compatible endpoint, or null for AWS S3 itself.</summary>
    public Uri? Endpoint { get; init; }

    public string Region { get; init; } = DefaultRegion;

    public string? AccessKey { get; init; }

    public string? SecretKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Path-style addressing; null chooses it when <see cref="Endpoint"/> is set.</summary>
    public bool? PathStyle { get; init; }

    public int PageSize { get; init; } = MaxPageSize;

    public int PartSize { get; init; } = 8 * MiB;

    /// <summary>
    /// Whether uploads may use aws-chunked bodies (signed chunk by chunk): AWS S3 takes them; some S3-compatible servers
    /// (s3rver among them) store the chunk framing as content, so with a custom endpoint each part is signed whole.
    /// </summary>
    internal bool ChunkEncoding => Endpoint is null;

    /// <summary>The URL without credentials, e.g. <c>s3://bucket/prefix?endpoint=http://127.0.0.1:4568</c>.</summary>
    public string Description
    {
        get
        {
            var text = new StringBuilder("s3://").Append(Bucket);
            if (Prefix.Length > 0)
            {
                text.Append('/').Append(Prefix);
            }
            var query = new List<string>();
            if (Endpoint is not null)
            {
                query.Add("endpoint=" + Endpoint.ToString().TrimEnd('/'));
            }
            if (Region != DefaultRegion)
            {
                query.Add("region=" + Region);
            }
            if (PathStyle is { } pathStyle && pathStyle != (Endpoint is not null))
            {
                query.Add("path_style=" + (pathStyle ? "true" : "false"));
            }
            return query.Count == 0 ? text.ToString() : text.Append('?').AppendJoin('&', query).ToString();
        }
    }

    public override string ToString() => Description;

    public static bool IsS3Url(string url) => url.StartsWith("s3://", StringComparison.Ordinal);

    /// <summary>Reads an <c>s3://</c> URL (see the class summary); unknown or malformed options are refused.</summary>
    public static S3BlobSettings Parse(string url)
    {
        if (!IsS3Url(url))
        {
            throw new ArgumentException("An S3 blob store URL starts with s3://.", nameof(url));
        }
        var rest = url["s3://".Length..];
        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var location = queryStart < 0 ? rest : rest[..queryStart];
        var slash = location.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? location : location[..slash];
        var prefix = slash < 0 ? "" : Uri.UnescapeDataString(location[(slash + 1)..]);

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (queryStart >= 0)
        {
            foreach (var pair in rest[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var kv = pair.Split('=', 2);
                var name = Uri.UnescapeDataString(kv[0]);
                if (!options.TryAdd(name, kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : ""))
                {
                    throw new ArgumentException($"S3 blob store URL option '{name}' is given twice.", nameof(url));
                }
            }
        }
        string? Take(string name) => options.Remove(name, out var value) ? value : null;

        Uri? endpoint = null;
        if (Take("endpoint") is { } endpointText)
        {
            if (!Uri.TryCreate(endpointText, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")
                || endpoint.UserInfo.Length > 0 || endpoint.Query.Length > 0)
            {
                throw new ArgumentException($"S3 endpoint '{endpointText.Split('@')[^1]}' is not an http(s) base URL.", nameof(url));
            }
        }
        var accessKey = Take("access_key");
        var secretKey = Take("secret_key");
        var sessionToken = Take("session_token");
        if ((accessKey is null) != (secretKey is null) || (sessionToken is not null && accessKey is null))
        {
            throw new ArgumentException("S3 blob store URL: access_key and secret_key go together (session_token needs both).", nameof(url));
        }
        var region = Take("region") ?? DefaultRegion;
        if (region.Length == 0 || region.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException($"'{region}' is not an AWS region name.", nameof(url));
        }
        var settings = new S3BlobSettings(bucket, prefix)
        {
            Endpoint = endpoint,
            Region = region,
            AccessKey = accessKey,
            SecretKey = secretKey,
            SessionToken = sessionToken,
            PathStyle = Take("path_style") is { } pathStyle ? Flag("path_style", pathStyle) : null,
            PageSize = Take("page_size") is { } pageSize ? Number("page_size", pageSize, 1, MaxPageSize) : MaxPageSize,
            PartSize = (Take("part_size_mib") is { } partSize ? Number("part_size_mib", partSize, 5, 5120) : 8) * MiB,
        };
        if (options.Count > 0)
        {
            throw new ArgumentException(
                $"S3 blob store URL option '{options.Keys.First()}' is unknown (use endpoint, region, access_key, secret_key, session_token, path_style, page_size, part_size_mib).",
                nameof(url));
        }
        return settings;
    }

    /// <summary>A client for these settings; the caller disposes it.</summary>
    public AmazonS3Client CreateClient()
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = PathStyle ?? Endpoint is not null,
            // S3-compatible servers often lack the newer flexible checksums (aws-chunked bodies with CRC trailers);
            // AWS S3 itself gets the SDK's defaults.
            RequestChecksumCalculation = Endpoint is null ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = Endpoint is null ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (Endpoint is not null)
        {
            config.ServiceURL = Endpoint.ToString();
            config.AuthenticationRegion = Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region);
        }
        AWSCredentials? credentials = (AccessKey, SecretKey, SessionToken) switch
        {
            ({ } access, { } secret, { } token) => new SessionAWSCredentials(access, secret, token),
            ({ } access, { } secret, null) => new BasicAWSCredentials(access, secret),
            _ => null,
        };
        return credentials is null ? new AmazonS3Client(config) : new AmazonS3Client(credentials, config);
    }

    private static bool Flag(string name, string value) => value switch
    {
        "true" or "1" or "" => true,
        "false" or "0" => false,
        _ => throw new ArgumentException($"S3 blob store URL option {name}='{value}' is not true or false.", nameof(value)),
    };

    private static int Number(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"S3 blob store URL option {name}='{value}' is not a whole number from {min} to {max}.", nameof(value));
}
