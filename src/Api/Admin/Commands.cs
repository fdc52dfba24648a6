using System.Text.Json;
using Funds.Api.Audit;
using Funds.Api.Hosting;

namespace Funds.Api.Admin;

/// <summary>Operations run from the command line against the configured database, without serving HTTP:
/// <c>dotnet run --project src/Api -- projections rebuild</c>, <c>-- verify-integrity</c> and <c>-- reconcile</c>
/// (the last two for every county, or one with <c>--county CODE</c>; exit code 1 when something does not hold).</summary>
public static class Commands
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        if (command is not ("projections rebuild" or "verify-integrity" or "reconcile")) return null;

        var store = app.Services.GetRequiredService<IDocumentStore>();
        var counties = app.Services.GetRequiredService<Counties>();
        await new EventChainInstaller(store).StartAsync(CancellationToken.None);
        if (command == "projections rebuild")
        {
            var result = await Rebuild.RunAsync(store, null, CancellationToken.None);
            Console.WriteLine($"Rebuilt {result.Projections.Count} projections from the events in {result.Seconds:0.0}s: {string.Join(", ", result.Projections)}");
            return 0;
        }

        var only = args.SkipWhile(a => a != "--county").Skip(1).FirstOrDefault();
        if (only is not null && counties.Find(only) is null)
        {
            Console.Error.WriteLine($"No county {only} is served here; configured: {string.Join(", ", counties.All.Select(c => c.Code))}.");
            return 2;
        }
        var json = new JsonSerializerOptions { WriteIndented = true };
        var ok = true;
        foreach (var county in counties.All.Where(c => only is null || c.Code == only))
        {
            if (command == "reconcile")
            {
                var result = await Reconciliation.RunAsync(store, county.Code, CancellationToken.None);
                Console.WriteLine(JsonSerializer.Serialize(result, json));
                Console.WriteLine(result.Consistent
                    ? $"{county.Code} {county.Name}: consistent ({result.EventsRead} events; received {result.Received:0.00}, allocated {result.Allocated:0.00}, disbursed {result.Disbursed:0.00})."
                    : $"{county.Code} {county.Name}: {result.Differences.Count} DIFFERENCE(S), listed above.");
                ok &= result.Consistent;
                continue;
            }
            var report = await EventChain.VerifyAllAsync(store, county.Code, CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(report, json));
            Console.WriteLine(report.Intact
                ? $"{county.Code} {county.Name}: intact, {report.EventsChecked} events in {report.StreamsChecked} streams match their hash chains."
                : $"{county.Code} {county.Name}: BROKEN, {report.Broken.Count} stream(s) no longer match their hash chains; first broken event of each listed above.");
            ok &= report.Intact;
        }
        return ok ? 0 : 1;
    }
}
