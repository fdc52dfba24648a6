using Funds.Api.Infrastructure;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Admin;

public sealed record RebuildResult(IReadOnlyList<string> Projections, double Seconds, IReadOnlyDictionary<string, double>? SecondsPerProjection = null);

/// <summary>Rebuilds every read model from the events. Projections read only event data (no clock),
/// so a rebuild gives exactly the documents the live projections made.</summary>
public static class Rebuild
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/admin/projections/rebuild", OperationId = "RebuildProjections")]
    [ProducesResponseType<RebuildResult>(StatusCodes.Status200OK)]
    public static Task<RebuildResult> Post(IDocumentStore store, IProjectionCoordinator coordinator, HttpContext http)
        => RunAsync(store, coordinator, http.RequestAborted);

    public static async Task<RebuildResult> RunAsync(IDocumentStore store, IProjectionCoordinator? coordinator, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var names = store.Options.Events.Projections().Select(p => p.Name).ToList();
        if (coordinator is not null)
        {
            var daemon = coordinator.DaemonForMainDatabase();
            foreach (var name in names) await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
            // A rebuild leaves the rebuilt shards stopped on the running daemon: start them again so the
            // asynchronous read models keep following new events.
            if (daemon.IsRunning) await daemon.StartAllAsync();
        }
        else
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            var each = new Dictionary<string, double>();
            foreach (var name in names)
            {
                var t = DateTimeOffset.UtcNow;
                await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct);
                each[name] = (DateTimeOffset.UtcNow - t).TotalSeconds;
            }
            return new RebuildResult(names, (DateTimeOffset.UtcNow - started).TotalSeconds, each);
        }
        return new RebuildResult(names, (DateTimeOffset.UtcNow - started).TotalSeconds);
    }
}
