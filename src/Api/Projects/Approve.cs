using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class ApproveEndpoint
{
    /// <summary>Approve the project (审批): approval document number, approved budget (CNY), approving authority and date.</summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/projects/{id}/approval", OperationId = "ApproveProject")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, ApproveProject body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
