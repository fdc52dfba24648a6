using System.Diagnostics;
using Marten;

namespace Funds.Api.Demo;

/// <summary>Seeds the demo county at start-up, once per database (see <see cref="DemoCounty.SeedAsync"/>).
/// Register it after EventChainInstaller (which applies the schema, and so the hash-chain trigger covers the seeded events as they are
/// stored) and before the deadline escalation service: hosted services start in registration order and
/// this one finishes seeding inside StartAsync, so no escalation scan runs on a half-written county.</summary>
public sealed class DemoCountySeeder(IDocumentStore store, ILogger<DemoCountySeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var summary = await DemoCounty.SeedAsync(store, cancellationToken);
        if (summary.Seeded)
            log.LogInformation("Demo county seeded: {Projects} projects, {FundSources} fund sources, {Events} events in {Elapsed} ms",
                summary.Projects, summary.FundSources, summary.Events, clock.ElapsedMilliseconds);
        else
            log.LogInformation("Demo county not seeded: the database already holds projects");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
