using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class GetProjectEndpoint
{
    /// <summary>One project as it stands now. The ETag is the stream version, for If-Match on commands.</summary>
    [WolverineGet("/api/projects/{id}", OperationId = "GetProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session)
    {
        var project = await session.LoadAsync<Project>(id, http.RequestAborted)
                      ?? throw new RuleViolation("not-found", ProjectFold.NotFound(id), RejectionKind.NotFound);
        http.Response.Headers.ETag = ETags.Format(project.Version);
        return Results.Ok(project);
    }
}
