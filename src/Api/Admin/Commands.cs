using System.Text.Json;
using Funds.Api.Audit;
using Funds.Api.Hosting;

namespace Funds.Api.Admin;

/// <summary>Operations run from the command line against the configured database, without serving HTTP:
/// <c>dotnet run --project src/Api -- projections rebuild</c>, <c>-- verify-integrity</c>, <c>-- reconcile</c> and
/// <c>-- export-digest --out DIR</c> (the last three for every county, or one with <c>--county CODE</c>; exit code 1 when
/// something does not hold). An export writes a signed digest's files into DIR (one county) or DIR/CODE (each county).</summary>
public static class Commands
{
    public static async Task<int?> TryRunAsync(WebApplication app, string[] args)
    {
        var command = string.Join(' ', args.TakeWhile(a => !a.StartsWith('-')));
        if (command is not ("projections rebuild" or "verify-integrity" or "reconcile" or "export-digest")) return null;

        var store = app.Services.GetRequiredService<IDocumentStore>();
        var counties = app.Services.GetRequiredService<Counties>();
        var signer = app.Services.GetRequiredService<DigestSigner>();
        if (!Migration.RunsAsApplicationRole(app.Configuration)) await new EventChainInstaller(store, signer).StartAsync(CancellationToken.None);
        if (command == "projections rebuild")
        {
            var result = await Rebuild.RunAsync(store, app.Services.GetRequiredService<StoreConnection>(), null, CancellationToken.None);
            Console.WriteLine($"Rebuilt {result.Projections.Count} projections from the events in {result.Seconds:0.0}s: {string.Join(", ", result.Projections)}");
            return 0;
        }

        var only = args.SkipWhile(a => a != "--county").Skip(1).FirstOrDefault();
        if (only is not null && counties.Find(only) is null)
        {
            Console.Error.WriteLine($"No county {only} is served here; configured: {string.Join(", ", counties.All.Select(c => c.Code))}.");
            return 2;
        }
        var output = args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault();
        if (command == "export-digest" && (output is null || !signer.Enabled))
        {
            Console.Error.WriteLine(output is null ? "export-digest needs --out DIR." : "No digest signing key is configured (Funds:Audit:SigningKey or Funds:Audit:SigningKeyFile).");
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
            if (command == "export-digest")
            {
                var directory = only is null ? Path.Combine(output!, county.Code) : output!;
                var digest = await DigestExport.WriteAsync(store, signer, county.Code, directory,
                    app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), CancellationToken.None);
                Console.WriteLine($"{county.Code} {county.Name}: digest up to sequence {digest.UpToSequence}, root {digest.Root}, " +
                                  $"{digest.Events} events in {digest.Streams} streams{(digest.Intact ? "" : ", CHAINS BROKEN")}, signed by key {digest.KeyId}; written to {directory}.");
                ok &= digest.Intact;
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
