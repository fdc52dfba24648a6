using Funds.Api.Money;
using Funds.Projections.Money;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Projects;

public static class ProjectTrailEndpoint
{
    /// <summary>The project's money trail (资金流向): each allocation, reduction and disbursement in recorded
    /// order with source, payee, voucher, actor, business date, recorded time and running totals allocated and
    /// disbursed. Filter by business date (from, to) and fund source; paged; <c>Accept: text/csv</c> gives the
    /// whole filtered trail as CSV. Updated asynchronously, normally within a second of a payment.</summary>
    [WolverineGet("/api/projects/{id}/trail", OperationId = "GetProjectTrail")]
    [Allow(Reads.Projects)]
    [ProducesResponseType<TrailPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(Guid id, HttpContext http, IQuerySession session,
        DateOnly? from = null, DateOnly? to = null, Guid? source = null, int page = 1, int pageSize = 100)
    {
        var project = await ProjectReads.VisibleAsync(session, http, id);
        var rows = await session.Query<FundMovement>().Where(m => m.ProjectId == id).ToListAsync(http.RequestAborted);
        return Trails.Answer(http, project.Name, rows, from, to, source, page, pageSize, $"project-trail-{id}.csv");
    }
}
