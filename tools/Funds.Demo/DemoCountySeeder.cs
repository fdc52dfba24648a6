using System.Diagnostics;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;
using Marten;

namespace Funds.Demo;

/// <summary>Seeds the demo counties at start-up, each once (see <see cref="DemoCounty.SeedAsync"/>).
/// Register it after EventChainInstaller (which applies the schema, and so the hash-chain trigger covers the seeded events as they are
/// stored) and before the deadline escalation service: hosted services start in registration order and
/// this one finishes seeding inside StartAsync, so no escalation scan runs on a half-written county.</summary>
public sealed class DemoCountySeeder(IDocumentStore store, Counties counties, DeadlinePolicy deadlines, ILogger<DemoCountySeeder> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var shape in DemoCountyShape.All)
        {
            var clock = Stopwatch.StartNew();
            if (counties.Find(shape.Code) is null)
            {
                log.LogWarning("Demo county {County} not seeded: it is not among the counties served (Funds:Tenancy:Counties)", shape.Code);
                continue;
            }
            var summary = await DemoCounty.SeedAsync(store, shape, counties.PolicyOf(shape.Code), deadlines, cancellationToken);
            if (summary.Seeded)
                log.LogInformation("Demo county {County} {Name} seeded: {Projects} projects, {FundSources} fund sources, {Events} events in {Elapsed} ms",
                    shape.Code, shape.Name, summary.Projects, summary.FundSources, summary.Events, clock.ElapsedMilliseconds);
            else
                log.LogInformation("Demo county {County} not seeded: it already holds projects", shape.Code);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
