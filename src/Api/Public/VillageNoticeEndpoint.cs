using Funds.Api.Hosting;

namespace Funds.Api.Public;

public static class VillageNoticeEndpoint
{
    /// <summary>村务公开 — the village's projects as its notice board shows them, to anyone, without a token: name,
    /// kind, approval document and budget, builder and contract, progress dates, settled amount and money paid so far.
    /// Nothing that names a member of staff, a signatory or any payee but the builder. A deployment can switch this
    /// view off (<c>Funds:PublicView:Enabled</c>, on by default): it then answers 404. At most 500 projects, by name.</summary>
    [WolverineGet("/api/public/counties/{county}/villages/{township}/{village}/projects", OperationId = "GetVillageNotice"), NotTenanted]
    [Allow(Reads.Public)]
    public static async Task<VillageNotice> Get(string county, string township, string village, IDocumentStore store, Counties counties,
        IConfiguration configuration, CancellationToken ct)
    {
        if (!configuration.GetValue("Funds:PublicView:Enabled", true) || counties.Find(county) is not { } served)
            throw RuleViolation.NotFound($"No public view of county {county} is served here.");
        await using var session = store.QuerySession(served.Code);
        var projects = await session.Query<Project>().Where(p => p.Township == township && p.Village == village)
            .OrderBy(p => p.Name).ThenBy(p => p.Id).Take(500).ToListAsync(ct);
        return new VillageNotice(served.Code, served.Name, township, village, projects.Select(PublicProject.Of).ToList());
    }
}
