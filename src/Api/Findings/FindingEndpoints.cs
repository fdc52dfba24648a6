using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Findings;
using Funds.Domain.Projects;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Findings;

public sealed record FindingRow(Finding Finding, int? DaysOverdue);

public static class FindingEndpoints
{
    private static string NotFound(Guid id) => $"No finding with id {id}.";

    /// <summary>Raise a finding (问题) of an inspection, audit or evaluation against a project or a village,
    /// with a rectification deadline. Auditors and supervisors.</summary>
    [Authorize(Roles = $"{Roles.Auditor},{Roles.Supervisor}")]
    [WolverinePost("/api/findings", OperationId = "RaiseFinding")]
    [ProducesResponseType<Finding>(StatusCodes.Status201Created)]
    public static Task<IResult> Raise(RaiseFinding body, HttpContext http, IDocumentStore store)
        => StreamCommands.RunAsync(http, store, body, async (session, _) =>
        {
            var id = Guid.CreateVersion7();
            var project = body.ProjectId is { } pid ? await session.LoadAsync<Project>(pid, http.RequestAborted) : null;
            var raised = FindingDecider.Raise(id, body, project, http.Decision());
            session.Events.StartStream<Finding>(id, raised);
            return new CommandOutcome(Finding.Evolve(null, raised)! with { Version = 1 }, 1, StatusCodes.Status201Created, $"/api/findings/{id}");
        });

    /// <summary>The township HQ reports the rectification (整改) of a finding in its township.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/findings/{id}/rectification", OperationId = "ReportRectification")]
    [ProducesResponseType<Finding>(StatusCodes.Status200OK)]
    public static Task<IResult> Report(Guid id, ReportRectification body, HttpContext http, IDocumentStore store)
        => Run(id, body, http, store, (f, ctx) => FindingDecider.Report(body, f, ctx));

    /// <summary>Close the finding (销号) once its rectification is reported. Auditors and supervisors.</summary>
    [Authorize(Roles = $"{Roles.Auditor},{Roles.Supervisor}")]
    [WolverinePost("/api/findings/{id}/closure", OperationId = "CloseFinding")]
    [ProducesResponseType<Finding>(StatusCodes.Status200OK)]
    public static Task<IResult> Close(Guid id, CloseFinding body, HttpContext http, IDocumentStore store)
        => Run(id, body, http, store, (f, ctx) => FindingDecider.Close(body, f, ctx));

    [WolverineGet("/api/findings/{id}", OperationId = "GetFinding")]
    [ProducesResponseType<Finding>(StatusCodes.Status200OK)]
    public static async Task<Finding> Get(Guid id, IQuerySession session, HttpContext http)
        => await session.LoadAsync<Finding>(id, http.RequestAborted) ?? throw new RuleViolation("not-found", NotFound(id), RejectionKind.NotFound);

    /// <summary>The rectification ledger: findings by status and township; <c>overdueAsOf</c> lists only
    /// open findings past their deadline on that date, most overdue first. <c>Accept: text/csv</c> for CSV.</summary>
    [WolverineGet("/api/findings", OperationId = "ListFindings")]
    [ProducesResponseType<IReadOnlyList<FindingRow>>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> List(IQuerySession session, HttpContext http, FindingStatus? status = null, string? township = null,
        Guid? projectId = null, DateOnly? overdueAsOf = null)
    {
        IQueryable<Finding> query = session.Query<Finding>();
        if (status is not null) query = query.Where(f => f.Status == status);
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(f => f.Township == township);
        if (projectId is not null) query = query.Where(f => f.ProjectId == projectId);
        var asOf = overdueAsOf ?? http.Decision().Today;
        var rows = (await query.ToListAsync(http.RequestAborted)).Select(f => new FindingRow(f, f.DaysOverdue(asOf)))
            .Where(r => overdueAsOf is null || r.DaysOverdue is not null)
            .OrderByDescending(r => r.DaysOverdue ?? -1).ThenBy(r => r.Finding.Deadline).ToList();
        if (Csv.Wanted(http))
            return Csv.File("findings.csv", ["source", "description", "township", "village", "deadline", "status", "days_overdue", "raised_on", "closed_on"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Finding.Source.ToString(), r.Finding.Description, r.Finding.Township, r.Finding.Village,
                    r.Finding.Deadline, r.Finding.Status.ToString(), r.DaysOverdue, r.Finding.RaisedOn, r.Finding.ClosedOn]));
        return Results.Ok(rows);
    }

    private static Task<IResult> Run(Guid id, object body, HttpContext http, IDocumentStore store, Func<Finding, DecisionContext, object> decide)
        => StreamCommands.RunAsync(http, store, new { id, body }, async (session, expected) =>
        {
            var stream = await StreamCommands.FetchAsync<Finding>(session, id, expected, NotFound(id), http.RequestAborted);
            var e = decide(stream.Aggregate!, http.Decision());
            stream.AppendOne(e);
            var after = Finding.Evolve(stream.Aggregate, e)! with { Version = stream.Aggregate!.Version + 1 };
            return new CommandOutcome(after, after.Version);
        });
}
