using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Core.Errors;
using SchemaRegistry.Wire;

namespace SchemaRegistry.Server.Http;

/// <summary>
/// The <c>Registry:RateLimit</c> section: a token bucket per principal (API key id or <c>oidc:{iss}:{sub}</c>;
/// requests that did not authenticate share one bucket per remote address). Off by default.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per second per principal; 0 (the default) turns limiting off. Fractions allowed (0.5 = one every 2 s).</summary>
    public double PermitsPerSecond { get; set; }

    /// <summary>Requests a principal may make at once after being idle (the bucket's size); 0 = one second's worth.</summary>
    public int Burst { get; set; }

    public bool Enabled => PermitsPerSecond > 0;

    /// <summary>The bucket's size.</summary>
    public int BucketSize => Burst > 0 ? Burst : Math.Max(1, (int)Math.Ceiling(PermitsPerSecond));
}

/// <summary>ASP.NET Core's rate limiter, partitioned by principal; rejections are 429 problem details (REQ-1004) with Retry-After.</summary>
internal static class RateLimiting
{
    private static readonly string[] Exempt = ["/healthz", "/readyz"];

    public static IServiceCollection AddRegistryRateLimiting(this IServiceCollection services, RateLimitOptions options)
    {
        if (!options.Enabled)
        {
            return services;
        }
        if (double.IsNaN(options.PermitsPerSecond) || double.IsInfinity(options.PermitsPerSecond) || options.PermitsPerSecond > 1_000_000)
        {
            throw new InvalidOperationException("Registry:RateLimit:PermitsPerSecond must be between 0 (off) and 1000000.");
        }
        if (options.Burst < 0)
        {
            throw new InvalidOperationException("Registry:RateLimit:Burst must be 0 (one second's worth) or more.");
        }
        // Whole permits per period: n per second, or one per 1/rate seconds below one per second.
        var (tokens, period) = options.PermitsPerSecond >= 1
            ? ((int)Math.Round(options.PermitsPerSecond), TimeSpan.FromSeconds(1))
            : (1, TimeSpan.FromSeconds(1 / options.PermitsPerSecond));
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.BucketSize,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetTokenBucketLimiter(PartitionOf(context), _ => bucket));
            limiter.OnRejected = (context, _) => RejectAsync(context, options);
        });
    }

    /// <summary>Adds the limiter after authentication (partitions are principals), when it is on.</summary>
    public static void UseRegistryRateLimiting(this IApplicationBuilder app, RateLimitOptions options)
    {
        if (options.Enabled)
        {
            app.UseRateLimiter();
        }
    }

    private static bool IsExempt(PathString path) => Exempt.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? "principal:" + id
            : "address:" + context.Connection.RemoteIpAddress;

    private static async ValueTask RejectAsync(OnRejectedContext rejected, RateLimitOptions options)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var who = context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? $"The principal {id}" : "This address (unauthenticated)";
        await Problems.WriteAsync(context, new RegistryError(ErrorCode.RateLimited, ErrorKind.TooManyRequests, "Too many requests",
            $"{who} is over the limit of {options.PermitsPerSecond.ToString(CultureInfo.InvariantCulture)} requests per second " +
            $"(burst {options.BucketSize}); retry after {seconds} s."));
    }
}
