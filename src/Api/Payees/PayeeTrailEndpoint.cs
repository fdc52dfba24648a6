using Funds.Api.Money;
using Funds.Projections.Money;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Payees;

public static class PayeeTrailEndpoint
{
    /// <summary>What a payee (收款单位) received, by unified social credit code: each payment with project, source,
    /// voucher and date, and the running total. Filter by business date and source; paged; <c>Accept: text/csv</c> for CSV.</summary>
    [WolverineGet("/api/payees/{creditCode}/trail", OperationId = "GetPayeeTrail")]
    [Allow(Reads.Payees)]
    [ProducesResponseType<TrailPage>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(string creditCode, HttpContext http, IQuerySession session,
        DateOnly? from = null, DateOnly? to = null, Guid? source = null, int page = 1, int pageSize = 100)
    {
        if (!CreditCode.IsValid(creditCode))
            throw InvalidCommand.Field("creditCode", "is not a valid 18-character unified social credit code.");
        var rows = await session.Query<FundMovement>().Where(m => m.PayeeCreditCode == creditCode && m.Type == FundingEntryType.Disbursement).ToListAsync(http.RequestAborted);
        if (rows.Count == 0) throw RuleViolation.NotFound($"No payments to {creditCode} are recorded.");
        return Trails.Answer(http, rows.MaxBy(r => r.Sequence)!.PayeeName ?? creditCode, rows, from, to, source, page, pageSize, $"payee-trail-{creditCode}.csv");
    }
}
