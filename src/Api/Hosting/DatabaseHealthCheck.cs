using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Funds.Api.Hosting;

/// <summary>/health is healthy only when every database of the deployment answers a query.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            foreach (var database in await store.Storage.AllDatabases())
            {
                await using var conn = database.CreateConnection();
                await conn.OpenAsync(ct);
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = "select 1";
                await cmd.ExecuteScalarAsync(ct);
            }
            return HealthCheckResult.Healthy("PostgreSQL answers.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer: " + e.GetType().Name);
        }
    }
}
