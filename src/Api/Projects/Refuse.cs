using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class RefuseEndpoint
{
    /// <summary>The village committee refuses acceptance with reasons; the project goes back to rectification.</summary>
    [Authorize(Policy = Policies.VillageCommittee)]
    [WolverinePost("/api/projects/{id}/acceptance-refusal", OperationId = "RefuseAcceptance")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, RefuseAcceptance body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
