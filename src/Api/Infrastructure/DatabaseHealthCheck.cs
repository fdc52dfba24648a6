using Marten;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Funds.Api.Infrastructure;

/// <summary>/health is healthy only when PostgreSQL answers a query.</summary>
public sealed class DatabaseHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await using var session = store.QuerySession();
            var one = await session.QueryAsync<int>("select 1", ct);
            return one.Count == 1 ? HealthCheckResult.Healthy("PostgreSQL answers.") : HealthCheckResult.Unhealthy("Unexpected answer.");
        }
        catch (Exception e)
        {
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer: " + e.GetType().Name);
        }
    }
}
