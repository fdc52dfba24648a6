using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class SettleEndpoint
{
    /// <summary>Settle the project (结算): the final settled amount, at most the contract amount. Requires the village committee's sign-off.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/projects/{id}/settlement", OperationId = "SettleProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, SettleProject body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
