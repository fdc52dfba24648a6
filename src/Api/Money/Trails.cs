using Funds.Api.Http;
using Funds.Projections.Money;

namespace Funds.Api.Money;

public static class Trails
{
    /// <summary>Trail lines from FundMovement rows in recorded (sequence) order, with running totals.</summary>
    public static IReadOnlyList<TrailLine> Lines(IEnumerable<FundMovement> rows)
    {
        decimal received = 0, allocated = 0, disbursed = 0;
        var lines = new List<TrailLine>();
        foreach (var m in rows.OrderBy(r => r.Sequence))
        {
            received += m.Received;
            allocated += m.Allocated;
            disbursed += m.Disbursed;
            var receipt = m.Type is FundingEntryType.Receipt or FundingEntryType.InterestSubsidy;   // no project
            lines.Add(new TrailLine(m.Sequence, m.Type, m.FundSourceId, m.SourceName, receipt ? null : m.ProjectId, receipt ? null : m.ProjectName,
                m.Amount, m.PayeeName, m.PayeeCreditCode, m.VoucherNo, m.DocumentRef, m.Note, m.BusinessDate, m.RecordedAt, m.By,
                received, allocated, disbursed) { PaymentKind = m.PaymentKind });
        }
        return lines;
    }

    public static IResult Answer(HttpContext http, string title, IEnumerable<FundMovement> rows,
        DateOnly? from, DateOnly? to, Guid? source, int page, int pageSize, string csvName)
    {
        new FieldErrors()
            .Paging(page, pageSize, 1000)
            .When(from > to, "from", "must not be after 'to'.")
            .ThrowIfAny();
        var lines = Lines(rows);
        var last = lines.LastOrDefault();
        var filtered = lines
            .Where(e => (from is null || e.BusinessDate >= from) && (to is null || e.BusinessDate <= to) && (source is null || e.FundSourceId == source))
            .ToList();
        if (Csv.Wanted(http))
        {
            return Csv.File(csvName,
                ["sequence", "type", "business_date", "recorded_at", "fund_source", "project", "amount", "payee", "payee_credit_code",
                 "voucher", "document", "note", "actor", "role", "running_received", "running_allocated", "running_disbursed", "payment_kind"],
                filtered.Select(e => (IReadOnlyList<object?>)
                [
                    e.Sequence, e.Type.ToString(), e.BusinessDate, e.RecordedAt, e.SourceName, e.ProjectName, e.Amount, e.PayeeName, e.PayeeCreditCode,
                    e.VoucherNo, e.DocumentRef, e.Note, e.By.Subject, e.By.Role, e.RunningReceived, e.RunningAllocated, e.RunningDisbursed, e.PaymentKind?.ToString(),
                ]));
        }
        var items = filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Results.Ok(new TrailPage(title, last?.RunningReceived ?? 0m, last?.RunningAllocated ?? 0m, last?.RunningDisbursed ?? 0m,
            items, page, pageSize, filtered.Count));
    }
}
