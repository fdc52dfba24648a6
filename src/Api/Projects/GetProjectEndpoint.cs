using Funds.Api.Audit;

namespace Funds.Api.Projects;

public static class GetProjectEndpoint
{
    /// <summary>One project as it stands now (ETag = stream version, for If-Match on commands). Auditors can
    /// also read it as it stood at stream <c>version</c> N, or as known at a recorded time <c>asOf</c>.</summary>
    [WolverineGet("/api/projects/{id}", OperationId = "GetProject")]
    [Allow(Reads.Projects)]
    public static async Task<ProjectDetails> Get(Guid id, HttpContext http, IQuerySession session, long? version = null, DateTimeOffset? asOf = null)
    {
        Project project;
        if (version is null && asOf is null)
        {
            project = await ProjectReads.VisibleAsync(session, http, id);
        }
        else
        {
            Authorization.RequireRead(http.Actor(), Reads.History);
            project = await History.AsItStoodAsync<Project>(session, id, version, asOf, Project.Evolve, (p, v) => p with { Version = v }, http.RequestAborted)
                      ?? throw ProjectReads.NotFound(id);
        }
        http.Response.Headers.ETag = ETags.Format(project.Version);
        return ProjectDetails.Of(project);
    }
}
