using Funds.Api.Projects;
using Funds.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Assets;

public static class AssetRegisterEndpoint
{
    /// <summary>The asset register (资产台账, the "三资" platform's project assets) within the caller's reach: every asset registered
    /// on settlement, by township, village (a village's register) or condition of its last check; with its owner and upkeep
    /// responsible; the total value and how many are not yet handed over. Paged; <c>Accept: text/csv</c> gives every row.</summary>
    [WolverineGet("/api/assets", OperationId = "ListAssets")]
    [Allow(Reads.Assets)]
    [ProducesResponseType<AssetRegister>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http, string? township = null, string? village = null,
        AssetCondition? condition = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var query = session.Query<Project>().Within(http.Actor()).Where(p => p.Assets.Any());
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township);
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(p => p.Village == village);
        var lines = (await query.ToListAsync(http.RequestAborted))
            .SelectMany(p => p.Assets.Select(a =>
            {
                var last = a.Checks?.MaxBy(c => c.CheckedOn);
                return new AssetLine(a.Id, p.Id, p.Name, p.Township, p.Village, p.Category, a.Name, a.Value, a.Location, a.RegisteredOn,
                    a.Owner, a.OwnerKind, a.UpkeepResponsible, a.HandedOverOn, last?.CheckedOn, last?.Condition, a.Checks?.Count ?? 0);
            }))
            .Where(l => condition is null || l.LastCondition == condition)
            .OrderBy(l => l.Township).ThenBy(l => l.Village).ThenBy(l => l.Project).ThenBy(l => l.AssetId).ToList();

        if (Csv.Wanted(http))
            return Csv.File("assets.csv",
                ["township", "village", "project", "asset", "value", "location", "registered_on", "owner", "owner_kind", "upkeep_responsible",
                 "handed_over_on", "last_checked_on", "last_condition"],
                lines.Select(l => (IReadOnlyList<object?>)[l.Township, l.Village, l.Project, l.Name, l.Value, l.Location, l.RegisteredOn, l.Owner,
                    l.OwnerKind?.ToString(), l.UpkeepResponsible, l.HandedOverOn, l.LastCheckedOn, l.LastCondition?.ToString()]));
        return Results.Ok(new AssetRegister(lines.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, lines.Count,
            lines.Sum(l => l.Value), lines.Count(l => l.HandedOverOn is null)));
    }
}
