using Funds.Domain.Common;
using Funds.Projections.Funds;

namespace Funds.Api.Infrastructure;

/// <summary>A page of a money trail, filtered by business date and fund source; running totals are
/// those of the whole trail at each line.</summary>
public sealed record TrailPage(string Title, decimal Allocated, decimal Disbursed, IReadOnlyList<FundingEntry> Items, int Page, int PageSize, int Total);

public static class Trails
{
    /// <summary>Lines of a trail from FundMovement rows in sequence order, with running received,
    /// allocated and disbursed totals.</summary>
    public static IReadOnlyList<FundingEntry> FromMovements(IEnumerable<FundMovement> rows)
    {
        decimal received = 0, allocated = 0, disbursed = 0;
        var entries = new List<FundingEntry>();
        foreach (var m in rows.OrderBy(r => r.Sequence))
        {
            received += m.Received;
            allocated += m.Allocated;
            disbursed += m.Disbursed;
            entries.Add(new FundingEntry(m.Sequence, m.Type, m.FundSourceId, m.SourceName, m.Type == FundingEntryType.Receipt ? null : m.ProjectId,
                m.Type == FundingEntryType.Receipt ? null : m.ProjectName, m.Amount, m.PayeeName, m.PayeeCreditCode, m.VoucherNo, m.DocumentRef, m.Note,
                m.BusinessDate, m.RecordedAt, m.By, received, allocated, disbursed));
        }
        return entries;
    }

    public static IResult Answer(HttpContext http, string title, decimal allocated, decimal disbursed, IReadOnlyList<FundingEntry> entries,
        DateOnly? from, DateOnly? to, Guid? source, int page, int pageSize, string csvName)
    {
        new FieldErrors()
            .Paging(page, pageSize, 1000)
            .When(from > to, "from", "must not be after 'to'.")
            .ThrowIfAny();
        var filtered = entries
            .Where(e => (from is null || e.BusinessDate >= from) && (to is null || e.BusinessDate <= to) && (source is null || e.FundSourceId == source))
            .ToList();
        if (Csv.Wanted(http))
        {
            return Csv.File(csvName,
                ["sequence", "type", "business_date", "recorded_at", "fund_source", "project", "amount", "payee", "payee_credit_code",
                 "voucher", "document", "note", "actor", "role", "running_1", "running_2", "running_disbursed"],
                filtered.Select(e => (IReadOnlyList<object?>)
                [
                    e.Sequence, e.Type.ToString(), e.BusinessDate, e.RecordedAt, e.SourceName, e.ProjectName, e.Amount, e.PayeeName, e.PayeeCreditCode,
                    e.VoucherNo, e.DocumentRef, e.Note, e.By.Subject, e.By.Role, e.RunningFirst, e.RunningSecond, e.RunningDisbursed,
                ]));
        }
        var items = filtered.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return Results.Ok(new TrailPage(title, allocated, disbursed, items, page, pageSize, filtered.Count));
    }
}
