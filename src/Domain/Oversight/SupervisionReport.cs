using Funds.Domain.Findings;
using Funds.Domain.Projects;

namespace Funds.Domain.Oversight;

/// <summary>One township's supervision in one month (督战情况): inspection visits (announced, unannounced), and the
/// rectification ledger's movements in the month and its state at the month's end.</summary>
public sealed record TownshipSupervision(
    string Township, int Inspections, int Unannounced, int FindingsRaised, int RectificationsReported, int SentBack, int Verified,
    int Closed, int OpenAtMonthEnd, int OverdueAtMonthEnd);

public static class SupervisionReport
{
    /// <summary>The month's report by township, as of the facts' business dates: from the first to the last day of
    /// <paramref name="month"/> (its first day given); townships with nothing in the month and nothing open are left out.</summary>
    public static IReadOnlyList<TownshipSupervision> For(DateOnly month, IEnumerable<Project> projects, IEnumerable<Finding> findings)
    {
        var from = new DateOnly(month.Year, month.Month, 1);
        var to = from.AddMonths(1).AddDays(-1);
        bool In(DateOnly d) => d >= from && d <= to;
        var visits = projects.SelectMany(p => p.Inspections.Where(i => In(i.VisitedOn)).Select(i => (p.Township, i))).ToList();
        var ledger = findings.Where(f => f.RaisedOn <= to).ToList();
        var townships = visits.Select(v => v.Township).Concat(ledger.Select(f => f.Township)).Distinct().Order();
        return townships.Select(t =>
        {
            var mine = ledger.Where(f => f.Township == t).ToList();
            var open = mine.Where(f => !(f.ClosedOn is { } c && c <= to)).ToList();
            return new TownshipSupervision(t,
                visits.Count(v => v.Township == t), visits.Count(v => v.Township == t && !v.i.Announced),
                mine.Count(f => In(f.RaisedOn)),
                mine.Sum(f => f.Rectifications.Count(r => In(r.ReportedOn))),
                mine.Sum(f => f.SentBack.Count(s => In(s.SentBackOn))),
                mine.Count(f => f.Verification is { } v && In(v.VerifiedOn)),
                mine.Count(f => f.ClosedOn is { } c && In(c)),
                open.Count, open.Count(f => f.Deadline < to));
        }).Where(r => r is not { Inspections: 0, FindingsRaised: 0, RectificationsReported: 0, SentBack: 0, Verified: 0, Closed: 0, OpenAtMonthEnd: 0 })
        .ToList();
    }
}
