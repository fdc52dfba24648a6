using Funds.Api.Http;
using Marten.Pagination;

namespace Funds.Api.Villages;

public static class VillageReads
{
    /// <summary>The village, if it exists in the caller's county and within the caller's reach; else 404.</summary>
    public static async Task<Village> VisibleAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var village = await session.LoadAsync<Village>(id, http.RequestAborted);
        return village is not null && Authorization.CanSee(http.Actor(), village.Place) ? village
            : throw RuleViolation.NotFound($"No village with id {id}.");
    }

    /// <summary>The registered village of that township and name (names normalized), or null.</summary>
    public static async Task<Village?> FindAsync(IQuerySession session, string? township, string? name, CancellationToken ct)
    {
        if (PlaceNames.Problem(township) is not null || PlaceNames.Problem(name) is not null) return null;
        var (t, n) = (PlaceNames.Normalize(township!), PlaceNames.Normalize(name!));
        return await session.Query<Village>().FirstOrDefaultAsync(v => v.Township == t && v.Name == n, ct);
    }

    /// <summary>One village of the county's register, with its poverty fund balance (ETag = stream version).</summary>
    [WolverineGet("/api/villages/{id}", OperationId = "GetVillage")]
    [Allow(Reads.Villages)]
    public static async Task<VillageDetails> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var village = await VisibleAsync(session, http, id);
        http.Response.Headers.ETag = ETags.Format(village.Version);
        return VillageDetails.Of(village);
    }

    /// <summary>The county's register of villages within the caller's reach, by township and status; paged.</summary>
    [WolverineGet("/api/villages", OperationId = "ListVillages")]
    [Allow(Reads.Villages)]
    public static async Task<Paged<VillageDetails>> List(IQuerySession session, HttpContext http, string? township = null,
        VillageStatus? status = null, int page = 1, int pageSize = 100)
    {
        new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
        var (ownTownship, ownVillage) = Authorization.Bounds(http.Actor());
        IQueryable<Village> query = session.Query<Village>();
        if (ownTownship is not null) query = query.Where(v => v.Township == ownTownship);
        if (ownVillage is not null) query = query.Where(v => v.Name == ownVillage);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(v => v.Township == township);
        if (status is not null) query = query.Where(v => v.Status == status);
        var items = await query.OrderBy(v => v.Township).ThenBy(v => v.Name).ToPagedListAsync(page, pageSize, http.RequestAborted);
        return new Paged<VillageDetails>(items.Select(VillageDetails.Of).ToList(), page, pageSize, items.TotalItemCount);
    }
}
