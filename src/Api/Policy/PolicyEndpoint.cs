using Funds.Api.Hosting;
using Funds.Api.Http;
using Funds.Domain.Deadlines;
using Funds.Domain.Policy;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Policy;

public static class PolicyEndpoint
{
    /// <summary>Every rule Funds enforces in the caller's county: its id, what it says, its value here, whether it is
    /// a seed fact (stated in the 2019 plan or the Zaozhuang report, not configurable) or county policy (a configurable
    /// default), and where it is configured (for a seed fact, the passage it rests on). <c>Accept: text/csv</c> gives CSV.</summary>
    [WolverineGet("/api/policy", OperationId = "GetPolicy")]
    [Allow(Reads.Policy)]
    [ProducesResponseType<IReadOnlyList<PolicyRule>>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static IResult Get(HttpContext http, IQuerySession session, Counties counties, DeadlinePolicy deadlines)
    {
        var rules = PolicyCatalog.Describe(counties.PolicyOf(session.TenantId), deadlines);
        if (Csv.Wanted(http))
            return Csv.File($"policy-{session.TenantId}.csv", ["id", "description", "value", "source", "where"],
                rules.Select(r => (IReadOnlyList<object?>)[r.Id, r.Description, r.Value, r.Source.ToString(), r.Where]));
        return Results.Ok(rules);
    }
}
