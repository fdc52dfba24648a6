using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class GetProjectEndpoint
{
    /// <summary>One project as it stands now (ETag = stream version, for If-Match on commands); or, for
    /// time travel, as it stood at stream <c>version</c> N or as known at a recorded time <c>asOf</c>.</summary>
    [WolverineGet("/api/projects/{id}", OperationId = "GetProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session, long? version = null, DateTimeOffset? asOf = null)
    {
        var project = (version is null && asOf is null
                          ? await session.LoadAsync<Project>(id, http.RequestAborted)
                          : await Audit.History.AsItStoodAsync<Project>(session, id, version, asOf, Project.Evolve, (p, v) => p with { Version = v }, http.RequestAborted))
                      ?? throw new RuleViolation("not-found", ProjectFold.NotFound(id), RejectionKind.NotFound);
        http.Response.Headers.ETag = ETags.Format(project.Version);
        return Results.Ok(project);
    }
}
