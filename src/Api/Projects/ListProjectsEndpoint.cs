using Funds.Api.Http;
using Marten.Pagination;

namespace Funds.Api.Projects;

public static class ListProjectsEndpoint
{
    /// <summary>Projects within the caller's reach, filtered by township, village, kind, category, status and
    /// plan year, ordered by township, village and name; paged (page from 1, pageSize 1–500, default 50).</summary>
    [WolverineGet("/api/projects", OperationId = "ListProjects")]
    [Allow(Reads.Projects)]
    public static async Task<Paged<ProjectSummary>> Get(
        IQuerySession session, HttpContext http,
        string? township = null, string? village = null, ProjectKind? kind = null, string? category = null,
        ProjectStatus? status = null, int? planYear = null, int page = 1, int pageSize = 50)
    {
        new FieldErrors().Paging(page, pageSize, 500).ThrowIfAny();

        var query = session.Query<Project>().Within(http.Actor());
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township);
        if (!string.IsNullOrWhiteSpace(village)) query = query.Where(p => p.Village == village);
        if (kind is not null) query = query.Where(p => p.Kind == kind);
        if (!string.IsNullOrWhiteSpace(category)) query = query.Where(p => p.Category == category);
        if (status is not null) query = query.Where(p => p.Status == status);
        if (planYear is not null) query = query.Where(p => p.PlanYear == planYear);

        var items = await query.OrderBy(p => p.Township).ThenBy(p => p.Village).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .ToPagedListAsync(page, pageSize, http.RequestAborted);
        return new Paged<ProjectSummary>(items.Select(ProjectSummary.Of).ToList(), page, pageSize, items.TotalItemCount);
    }
}
