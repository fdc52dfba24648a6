using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class StartEndpoint
{
    /// <summary>Report construction started (开工).</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/start", OperationId = "StartConstruction")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, StartConstruction body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
