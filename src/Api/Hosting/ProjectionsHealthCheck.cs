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
            var databases = await store.Storage.AllDatabases();
            var current = ProjectionProgress.CurrentShards(store);
            foreach (var database in databases)
            {
                await using var conn = database.CreateConnection();
                await conn.OpenAsync(ct);
                var progress = await ProjectionProgress.ReadAsync(store, conn, ct);
                var highWater = progress.GetValueOrDefault("HighWaterMark");
                var prefix = databases.Count == 1 ? "" : database.Name() + ":";
                foreach (var (shard, seq) in progress.Where(p => current.Contains(p.Key)))
                {
                    data[prefix + shard] = highWater - seq;
                    worst = Math.Max(worst, highWater - seq);
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
