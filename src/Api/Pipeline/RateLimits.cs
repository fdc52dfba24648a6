using System.Globalization;
using System.Threading.RateLimiting;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Funds.Api.Pipeline;

/// <summary>Marks a read that works over a whole county (or all of them): it gets the tighter expensive limit.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ExpensiveAttribute : Attribute;

/// <summary>Per-caller limits with ASP.NET Core's rate limiter, chained for every /api request: a concurrency
/// limit with a queue, a token bucket, and for <see cref="ExpensiveAttribute"/> routes a tighter bucket and
/// concurrency limit of their own. Over a limit: 429 with <c>Retry-After</c>, as a problem (rule <c>rate-limited</c>).</summary>
public static class RateLimits
{
    public static void Add(WebApplicationBuilder builder)
    {
        builder.Services.Configure<LimitOptions>(builder.Configuration.GetSection("Funds:Limits"));
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<LimitOptions>>((o, limits) =>
        {
            var l = limits.Value;
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                Partitioned(l, "all", (key, x) => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
                    { PermitLimit = x.ConcurrentRequests, QueueLimit = x.QueuedRequests, QueueProcessingOrder = QueueProcessingOrder.OldestFirst })),
                Partitioned(l, "rate", (key, x) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                    { TokenLimit = x.Burst, TokensPerPeriod = x.RequestsPerSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0 })),
                Partitioned(l, "expensive", (key, x) => RateLimitPartition.GetConcurrencyLimiter(key, _ => new ConcurrencyLimiterOptions
                    { PermitLimit = x.ExpensiveConcurrent, QueueLimit = x.ExpensiveQueued, QueueProcessingOrder = QueueProcessingOrder.OldestFirst }), expensiveOnly: true),
                Partitioned(l, "expensive-rate", (key, x) => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                    { TokenLimit = x.ExpensiveBurst, TokensPerPeriod = Math.Max(1, x.ExpensivePerMinute / 6), ReplenishmentPeriod = TimeSpan.FromSeconds(10), QueueLimit = 0 }), expensiveOnly: true));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemMapping.Rule(429, "rate-limited",
                        $"Too many requests from this caller; retry after {retry} s. Limits are per caller (docs/limits.md)."),
                });
            };
        });
    }

    private static PartitionedRateLimiter<HttpContext> Partitioned(LimitOptions limits, string name,
        Func<string, LimitOptions, RateLimitPartition<string>> limiter, bool expensiveOnly = false)
        => PartitionedRateLimiter.Create<HttpContext, string>(http =>
        {
            if (!limits.Enabled || !http.Request.Path.StartsWithSegments("/api")
                || (expensiveOnly && http.GetEndpoint()?.Metadata.GetMetadata<ExpensiveAttribute>() is null))
                return RateLimitPartition.GetNoLimiter("none");
            return limiter(name + ":" + Caller(http), limits);
        });

    /// <summary>The token's subject in its county, else the client's address.</summary>
    public static string Caller(HttpContext http)
        => http.User.FindFirst(FundsClaims.Subject)?.Value is { } subject
            ? "sub:" + (http.User.FindFirst(FundsClaims.County)?.Value ?? "") + ":" + subject
            : "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    /// <summary>Copies <see cref="ExpensiveAttribute"/> from an endpoint method into its endpoint's metadata.</summary>
    public sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains)
                if (chain.Method.Method.GetCustomAttributes(typeof(ExpensiveAttribute), false).FirstOrDefault() is ExpensiveAttribute expensive)
                    chain.WithMetadata(expensive);
        }
    }
}
