using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class DistributeIncomeEndpoint
{
    /// <summary>Industry projects: record an income distribution (收益分配) to poor households and the village collective.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/income-distributions", OperationId = "DistributeIncome")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, DistributeIncome body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
