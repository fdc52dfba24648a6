using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class ChangeBuilderEndpoint
{
    /// <summary>Replace the builder of record, with a reason. Same selection rules as the first selection.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/builder-change", OperationId = "ChangeBuilder")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, ChangeBuilder body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
