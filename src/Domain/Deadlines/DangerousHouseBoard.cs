using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

/// <summary>The dangerous-house ledger on the deadline board, per township: households listed, closed (of them by the due
/// date), and open (overdue once the due date has passed), as of a business date and as known at a recorded time.</summary>
public sealed record DangerousHouseCount(string Township, int Listed, int Closed, int ClosedOnTime, int Open, int Overdue);

public static class DangerousHouseBoard
{
    /// <summary>The seed's date: housing safety "cleared" (住房安全问题"清零") by the end of September 2019.</summary>
    public static readonly DateOnly Due = new(2019, 9, 30);
    public const string RuleId = "2019-housing-safety";

    public static IReadOnlyList<DangerousHouseCount> Count(IEnumerable<Project> projects, DateOnly asOf, DateTimeOffset? knownAt = null, DateOnly? due = null)
    {
        var by = due ?? Due;
        var items = projects.Where(p => p.Status != ProjectStatus.Cancelled || p.Cancellation!.CancelledOn > asOf)
            .SelectMany(p => p.DangerousHouses.Where(h => h.ListedOn <= asOf && (knownAt is null || h.ListedAt <= knownAt)).Select(h => (p.Township, h)))
            .ToList();
        bool ClosedBy(DangerousHouse h) => h.ClosedOn is { } c && c <= asOf && (knownAt is null || h.ClosedAt <= knownAt);
        return items.GroupBy(x => x.Township).OrderBy(g => g.Key).Select(g =>
        {
            var list = g.Select(x => x.h).ToList();
            var closed = list.Where(ClosedBy).ToList();
            var open = list.Count - closed.Count;
            return new DangerousHouseCount(g.Key, list.Count, closed.Count, closed.Count(h => h.ClosedOn <= by), open, asOf > by ? open : 0);
        }).ToList();
    }
}
