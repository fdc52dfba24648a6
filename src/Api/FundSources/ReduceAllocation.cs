using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.FundSources;

public static class ReduceAllocationEndpoint
{
    /// <summary>Reduce (调减) or reclaim (收回) the undisbursed part of an allocation, with a reason;
    /// the money returns to the source's unallocated balance.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/fund-sources/{id}/allocation-reductions", OperationId = "ReduceAllocation")]
    [ProducesResponseType<FundSource>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, ReduceAllocation body, HttpContext http, IDocumentStore store)
        => FundSourceCommands.Run(id, body, http, store,
            (source, project, ctx) => FundDecider.Reduce(body, source, project, ctx), body.ProjectId);
}
