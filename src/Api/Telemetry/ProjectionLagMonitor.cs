using System.Diagnostics.Metrics;
using Marten.Storage;
using Funds.Api.Hosting;

namespace Funds.Api.Telemetry;

/// <summary>Samples, every <c>Funds:Telemetry:LagSeconds</c> (default 15), how many events each asynchronous
/// read model is behind the high-water mark in every database, for the <c>funds.projection.lag</c> gauge.</summary>
public sealed class ProjectionLagMonitor(IDocumentStore store, IConfiguration configuration, ILogger<ProjectionLagMonitor> log) : BackgroundService
{
    public static IReadOnlyList<Measurement<long>> Latest { get; private set; } = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Funds:Telemetry:LagSeconds", 15));
        using var timer = new PeriodicTimer(every);
        do
        {
            try
            {
                Latest = await SampleAsync(store, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Projection lag could not be read: {Error}", e.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public static async Task<IReadOnlyList<Measurement<long>>> SampleAsync(IDocumentStore store, CancellationToken ct)
    {
        var sample = new List<Measurement<long>>();
        foreach (var (database, _, shards) in await ProjectionProgress.LagsAsync(store, ct))
        foreach (var (shard, lag) in shards)
            sample.Add(database is null
                ? new(lag, new KeyValuePair<string, object?>("projection", shard[..^4]))
                : new(lag, new("projection", shard[..^4]), new("database", database)));
        return sample;
    }
}
