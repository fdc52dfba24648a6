using System.Text.Json;
using Funds.Api.Audit;
using Marten;

namespace Funds.Api.Admin;

/// <summary>Operations run from the command line against the configured database, without serving HTTP:
/// <c>dotnet run --project src/Api -- projections rebuild</c> and <c>-- verify-integrity</c>.</summary>
public static class Commands
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        if (command is not ("projections rebuild" or "verify-integrity")) return null;

        var store = app.Services.GetRequiredService<IDocumentStore>();
        await new EventChainInstaller(store).StartAsync(CancellationToken.None);
        var json = new JsonSerializerOptions { WriteIndented = true };
        if (command == "projections rebuild")
        {
            var result = await Rebuild.RunAsync(store, null, CancellationToken.None);
            Console.WriteLine($"Rebuilt {result.Projections.Count} projections from the events in {result.Seconds:0.0}s: {string.Join(", ", result.Projections)}");
            return 0;
        }

        var report = await EventChain.VerifyAllAsync(store, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(report, json));
        Console.WriteLine(report.Intact
            ? $"Intact: {report.EventsChecked} events in {report.StreamsChecked} streams match their hash chains."
            : $"BROKEN: {report.Broken.Count} stream(s) no longer match their hash chains; first broken event of each listed above.");
        return report.Intact ? 0 : 1;
    }
}
