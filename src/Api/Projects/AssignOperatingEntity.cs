using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class AssignOperatingEntityEndpoint
{
    /// <summary>Industry projects: assign the operating entity (经营主体).</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/operating-entity", OperationId = "AssignOperatingEntity")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, AssignOperatingEntity body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
