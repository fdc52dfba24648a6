using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class SignOffEndpoint
{
    /// <summary>The village committee (村两委) signs off the completion acceptance (竣工验收签字), naming the members who signed. This signature is the basis for settlement.</summary>
    [Authorize(Policy = Policies.VillageCommittee)]
    [WolverinePost("/api/projects/{id}/acceptance", OperationId = "SignOffAcceptance")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, SignOffAcceptance body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
