using Marten.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Funds.Api.Hosting;

/// <summary>Reports how far the asynchronous read models (the money trail) trail the events: Degraded
/// when any of them is more than 10,000 events behind the high-water mark, so an operator sees a stalled
/// projection daemon before users see stale trails.</summary>
public sealed class ProjectionsHealthCheck(IDocumentStore store) : IHealthCheck
{
    public const long DegradedLag = 10_000;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            var data = new Dictionary<string, object>();
            long worst = 0;
            foreach (var (database, highWater, shards) in await ProjectionProgress.LagsAsync(store, ct))
            {
                var prefix = database is null ? "" : database + ":";
                foreach (var (shard, lag) in shards)
                {
                    data[prefix + shard] = lag;
                    worst = Math.Max(worst, lag);
                }
                data[prefix + "highWaterMark"] = highWater;
            }
            return worst > DegradedLag
                ? HealthCheckResult.Degraded($"Asynchronous read models are up to {worst} events behind.", data: data)
                : HealthCheckResult.Healthy($"Asynchronous read models are at most {worst} events behind.", data);
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("Projection progress could not be read: " + e.GetType().Name);
        }
    }
}
