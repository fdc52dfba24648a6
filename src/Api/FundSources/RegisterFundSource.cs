using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.FundSources;

public static class RegisterFundSourceEndpoint
{
    /// <summary>Register a fund source (资金来源): name, kind, fiscal year and the document that created it.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/fund-sources", OperationId = "RegisterFundSource")]
    [ProducesResponseType<FundSource>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(RegisterFundSource body, HttpContext http, IDocumentStore store)
        => StreamCommands.RunAsync(http, store, body, (session, _) =>
        {
            var id = Guid.CreateVersion7();
            var registered = FundDecider.Register(id, body, http.Decision());
            session.Events.StartStream<FundSource>(id, registered);
            var source = FundSource.Evolve(null, registered)! with { Version = 1 };
            return Task.FromResult(new CommandOutcome(source, 1, StatusCodes.Status201Created, $"/api/fund-sources/{id}"));
        });
}
