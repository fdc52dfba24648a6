namespace Funds.Api.Projects;

public static class ProjectReads
{
    /// <summary>The project, if it exists in the caller's county and within the caller's reach; else 404
    /// (a project outside one's township or village is as unknown as one that does not exist).</summary>
    public static async Task<Project> VisibleAsync(IQuerySession session, HttpContext http, Guid id)
    {
        var project = await session.LoadAsync<Project>(id, http.RequestAborted);
        return project is not null && Authorization.CanSee(http.Actor(), project.Place) ? project : throw NotFound(id);
    }

    public static RuleViolation NotFound(Guid id) => RuleViolation.NotFound($"No project with id {id}.");

    /// <summary>Limits a query to the reader's township or village.</summary>
    public static IQueryable<Project> Within(this IQueryable<Project> query, Actor reader)
    {
        var (township, village) = Authorization.Bounds(reader);
        if (township is not null) query = query.Where(p => p.Township == township);
        if (village is not null) query = query.Where(p => p.Village == village);
        return query;
    }
}
