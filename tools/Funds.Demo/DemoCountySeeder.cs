using System.Diagnostics;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Marten;

namespace Funds.Demo;

/// <summary>Seeds the demo county at start-up, once per county (see <see cref="DemoCounty.SeedAsync"/>).
/// Register it after EventChainInstaller (which applies the schema, and so the hash-chain trigger covers the seeded events as they are
/// stored) and before the deadline escalation service: hosted services start in registration order and
/// this one finishes seeding inside StartAsync, so no escalation scan runs on a half-written county.</summary>
public sealed class DemoCountySeeder(IDocumentStore store, Counties counties, DeadlinePolicy deadlines, ILogger<DemoCountySeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (counties.Find(DemoCounty.Code) is null)
        {
            log.LogWarning("Demo county not seeded: county {County} is not among the counties served (Funds:Tenancy:Counties)", DemoCounty.Code);
            return;
        }
        var summary = await DemoCounty.SeedAsync(store, counties.PolicyOf(DemoCounty.Code), deadlines, cancellationToken);
        if (summary.Seeded)
            log.LogInformation("Demo county seeded: {Projects} projects, {FundSources} fund sources, {Events} events in {Elapsed} ms",
                summary.Projects, summary.FundSources, summary.Events, clock.ElapsedMilliseconds);
        else
            log.LogInformation("Demo county not seeded: the database already holds projects");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
