using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class CancelEndpoint
{
    /// <summary>Cancel the project with a reason (before settlement).</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/cancellation", OperationId = "CancelProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, CancelProject body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
