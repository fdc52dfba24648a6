using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.FundSources;

public static class AllocateFundsEndpoint
{
    /// <summary>Allocate money from this source to an approved project (资金安排): at most the source's
    /// received and not yet allocated balance.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/fund-sources/{id}/allocations", OperationId = "AllocateFunds")]
    [ProducesResponseType<FundSource>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, AllocateFunds body, HttpContext http, IDocumentStore store)
        => FundSourceCommands.Run(id, body, http, store,
            (source, project, ctx) => FundDecider.Allocate(Guid.CreateVersion7(), body, source, project, ctx), body.ProjectId);
}
