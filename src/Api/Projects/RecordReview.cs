using Funds.Domain.Projects;
using Funds.Api.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class RecordReviewEndpoint
{
    /// <summary>Industry projects: record a periodic review (回头看): healthy, weak with a rectification plan, or idle with a revival measure.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects/{id}/reviews", OperationId = "RecordReview")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, RecordReview body, HttpContext http, IDocumentStore store)
        => ProjectFold.Run(id, body, http, store);
}
