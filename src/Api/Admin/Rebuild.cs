using Funds.Api.Hosting;
using Funds.Projections;
using Marten.Events.Daemon.Coordination;

namespace Funds.Api.Admin;

/// <summary>Rebuilds every read model from the events, in every database of the deployment. Projections read
/// only event data (no clock), so a rebuild gives exactly the documents the live projections made. A store opened
/// for the rebuild runs all read models as one projection, so each database's events are read once; this node's
/// asynchronous projections pause meanwhile.</summary>
public static class Rebuild
{
    [WolverinePost("/api/admin/projections/rebuild", OperationId = "RebuildProjections"), Wolverine.Http.NotTenanted, Expensive]
    [Allow(Reads.Operations)]
    public static Task<RebuildResult> Post(IDocumentStore store, StoreConnection connection, IProjectionCoordinator coordinator, HttpContext http)
        => RunAsync(store, connection, coordinator, http.RequestAborted);

    public static async Task<RebuildResult> RunAsync(IDocumentStore live, StoreConnection connection, IProjectionCoordinator? coordinator, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var names = live.Options.Events.Projections().Select(p => p.Name).ToList();
        using var store = FundsStore.ForRebuild(connection, ((StoreOptions)live.Options).AutoCreateSchemaObjects);
        var databases = await store.Storage.AllDatabases();
        foreach (var database in databases)
        {
            var running = coordinator is null ? null : await coordinator.DaemonForDatabase(database.Name());
            var wasRunning = running?.IsRunning == true;
            if (wasRunning) await running!.StopAllAsync();
            try
            {
                using var daemon = databases.Count == 1 ? await store.BuildProjectionDaemonAsync() : await store.BuildProjectionDaemonAsync(database.Name());
                await daemon.RebuildProjectionAsync(FundsProjections.AllReadModels, TimeSpan.FromMinutes(30), ct);
            }
            finally
            {
                if (wasRunning) await running!.StartAllAsync();
            }
        }
        return new RebuildResult(names, (DateTimeOffset.UtcNow - started).TotalSeconds);
    }
}
