using Funds.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Projects;

public static class ListPaymentExceptionsEndpoint
{
    /// <summary>Every payment exception of the county (finance, supervisors, auditors): payments to someone other than the
    /// builder of record or a declared subcontractor, and payments above the four-eyes amount, with who asked, who approved
    /// and the payment that used each. <c>status</c>: Requested, Approved (not yet used) or Used. Newest first; paged; CSV
    /// with <c>Accept: text/csv</c> (every row).</summary>
    [WolverineGet("/api/payment-exceptions", OperationId = "ListPaymentExceptions")]
    [Allow(Reads.PaymentExceptions)]
    [ProducesResponseType<Paged<PaymentExceptionLine>>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(IQuerySession session, HttpContext http,
        string? township = null, string? status = null, int page = 1, int pageSize = 50)
    {
        new FieldErrors().Paging(page, pageSize, 500)
            .When(status is not (null or "Requested" or "Approved" or "Used"), "status", "must be Requested, Approved or Used.").ThrowIfAny();
        var query = session.Query<Project>().Within(http.Actor()).Where(p => p.PaymentExceptions.Any());
        if (!string.IsNullOrWhiteSpace(township)) query = query.Where(p => p.Township == township);
        var lines = (await query.ToListAsync(http.RequestAborted))
            .SelectMany(p => p.PaymentExceptions.Select(x => new PaymentExceptionLine(x.Id, p.Id, p.Name, p.Township, p.Village,
                p.Builder?.Builder.Name ?? "", x.Payee.Name, x.Payee.CreditCode, x.Amount, x.Grounds, x.Reason, x.RequestedOn, x.RequestedBy,
                x.ApprovedOn, x.ApprovedBy, x.DisbursementId, x.DisbursementId is not null ? "Used" : x.ApprovedBy is not null ? "Approved" : "Requested")))
            .Where(l => status is null || l.Status == status)
            .OrderByDescending(l => l.RequestedOn).ThenBy(l => l.Project).ThenBy(l => l.ExceptionId).ToList();

        if (Csv.Wanted(http))
            return Csv.File("payment-exceptions.csv",
                ["project", "township", "village", "builder_of_record", "payee", "payee_credit_code", "amount", "grounds", "reason",
                 "requested_on", "requested_by", "approved_on", "approved_by", "status"],
                lines.Select(l => (IReadOnlyList<object?>)[l.Project, l.Township, l.Village, l.BuilderOfRecord, l.PayeeName, l.PayeeCreditCode, l.Amount,
                    string.Join(" ", l.Grounds), l.Reason, l.RequestedOn, l.RequestedBy.Subject, l.ApprovedOn, l.ApprovedBy?.Subject, l.Status]));
        return Results.Ok(new Paged<PaymentExceptionLine>(lines.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, lines.Count));
    }
}
