using Funds.Api.Hosting;
using Marten.Events.Daemon.Coordination;

namespace Funds.Api.Admin;

/// <summary>Rebuilds every read model from the events, in every database of the deployment. Projections read
/// only event data (no clock), so a rebuild gives exactly the documents the live projections made. The
/// projections of a database are rebuilt side by side, each by its own shard.</summary>
public static class Rebuild
{
    [WolverinePost("/api/admin/projections/rebuild", OperationId = "RebuildProjections"), Wolverine.Http.NotTenanted, Expensive]
    [Allow(Reads.Operations)]
    public static Task<RebuildResult> Post(IDocumentStore store, IProjectionCoordinator coordinator, HttpContext http)
        => RunAsync(store, coordinator, http.RequestAborted);

    public static async Task<RebuildResult> RunAsync(IDocumentStore store, IProjectionCoordinator? coordinator, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var names = store.Options.Events.Projections().Select(p => p.Name).ToList();
        var each = new Dictionary<string, double>();
        var databases = await store.Storage.AllDatabases();
        foreach (var database in databases)
        {
            if (coordinator is not null)
            {
                var daemon = await coordinator.DaemonForDatabase(database.Name());
                await Task.WhenAll(names.Select(name => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct)));
                // A rebuild leaves the rebuilt shards stopped on the running daemon: start them again so the
                // asynchronous read models keep following new events.
                if (daemon.IsRunning) await daemon.StartAllAsync();
            }
            else
            {
                using var daemon = databases.Count == 1 ? await store.BuildProjectionDaemonAsync() : await store.BuildProjectionDaemonAsync(database.Name());
                await Task.WhenAll(names.Select(async name =>
                {
                    var t = DateTimeOffset.UtcNow;
                    await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
                    lock (each) each[name] = each.GetValueOrDefault(name) + (DateTimeOffset.UtcNow - t).TotalSeconds;
                }));
            }
        }
        return new RebuildResult(names, (DateTimeOffset.UtcNow - started).TotalSeconds, each.Count == 0 ? null : each);
    }
}
