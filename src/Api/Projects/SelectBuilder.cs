using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class SelectBuilderEndpoint
{
    /// <summary>Record the builder of record (施工单位): by public tender (tender reference) or, for small works below the configured threshold, by collective decision of the township front-line HQ (minutes reference). Contract amount must not exceed the approved budget.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/builder", OperationId = "SelectBuilder")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, SelectBuilder body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
