using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.Projections.Funds;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class ProjectTrailEndpoint
{
    /// <summary>The project's funding trail: each allocation and disbursement in recorded order with
    /// source, payee, voucher, actor, business date, recorded time and running totals (allocated in
    /// running_1, disbursed in running_disbursed). Filter by business date (from, to) and fund source;
    /// paged; <c>Accept: text/csv</c> gives the whole filtered trail as CSV. Updated asynchronously,
    /// normally within a second of a payment.</summary>
    [WolverineGet("/api/projects/{id}/trail", OperationId = "GetProjectTrail")]
    [ProducesResponseType<TrailPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session,
        DateOnly? from = null, DateOnly? to = null, Guid? source = null, int page = 1, int pageSize = 100)
    {
        var project = await session.LoadAsync<Project>(id, http.RequestAborted)
                      ?? throw new RuleViolation("not-found", ProjectFold.NotFound(id), RejectionKind.NotFound);
        var trail = await session.LoadAsync<ProjectFunding>(id, http.RequestAborted) ?? new ProjectFunding { Id = id };
        return Trails.Answer(http, project.Name, trail.Allocated, trail.Disbursed, trail.Entries, from, to, source, page, pageSize, $"project-trail-{id}.csv");
    }
}
