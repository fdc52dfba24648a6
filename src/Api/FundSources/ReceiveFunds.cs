using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.FundSources;

public static class ReceiveFundsEndpoint
{
    /// <summary>Record funds received by the county from this source (到位): amount, date, document.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/fund-sources/{id}/receipts", OperationId = "ReceiveFunds")]
    [ProducesResponseType<FundSource>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, ReceiveFunds body, HttpContext http, IDocumentStore store)
        => FundSourceCommands.Run(id, body, http, store, (source, _, ctx) => FundDecider.Receive(body, source, ctx));
}
