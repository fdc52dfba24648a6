using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class CompleteEndpoint
{
    /// <summary>Report construction completed (完工); after a refused acceptance, re-report completion once rectified.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/completion", OperationId = "CompleteConstruction")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, CompleteConstruction body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
