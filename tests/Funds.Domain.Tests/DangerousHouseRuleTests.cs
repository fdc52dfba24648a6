using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class DangerousHouseRules
{
    private static readonly ListDangerousHouse Wang = new("黄坪村3组-12号", "王德贵", true, D("2019-02-10"));
    private static Project Housing() => Fold(Registered(category: "housing-renovation"), Approved());

    [Fact]
    public void housing_renovation_projects_list_households_and_close_each_once()
    {
        Expect.Rule("housing-renovation-only", RejectionKind.Unprocessable, () => ProjectDecider.ListHouse(Guid.NewGuid(), Wang, Approved_(), Ctx()));
        var listed = ProjectDecider.ListHouse(Guid.NewGuid(), Wang, Housing(), Ctx());
        var p = Project.Evolve(Housing(), listed)!;
        Expect.Rule("household-already-listed", RejectionKind.Conflict, () => ProjectDecider.ListHouse(Guid.NewGuid(), Wang, p, Ctx()));
        var close = new CloseDangerousHouse(listed.HouseholdId, HousingSolution.Rebuilt, null, D("2019-08-30"));
        Expect.Rule("household-not-found", RejectionKind.Unprocessable, () => ProjectDecider.CloseHouse(close with { HouseholdId = Guid.NewGuid() }, p, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => ProjectDecider.CloseHouse(close with { ClosedOn = D("2019-02-09") }, p, Ctx()));
        var closed = Project.Evolve(p, ProjectDecider.CloseHouse(close, p, Ctx()))!;
        Assert.Equal((HousingSolution.Rebuilt, D("2019-08-30")), (closed.DangerousHouses[0].Solution!.Value, closed.DangerousHouses[0].ClosedOn!.Value));
        Expect.Rule("household-already-closed", RejectionKind.Conflict, () => ProjectDecider.CloseHouse(close, closed, Ctx()));
    }

    [Fact]
    public void the_board_counts_items_closed_by_30_september_and_open_ones_overdue_after_it()
    {
        var p = Housing();
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        var lateRecorded = new DateTimeOffset(2019, 10, 8, 9, 0, 0, ChinaTime.Offset);
        var early = new DateTimeOffset(2019, 8, 1, 9, 0, 0, ChinaTime.Offset);
        p = Project.Evolve(p, new DangerousHouseListed(Id, ids[0], "1组-1号", "甲", true, D("2019-02-10"), Hq, early))!;
        p = Project.Evolve(p, new DangerousHouseListed(Id, ids[1], "1组-2号", "乙", false, D("2019-02-10"), Hq, early))!;
        p = Project.Evolve(p, new DangerousHouseListed(Id, ids[2], "1组-3号", "丙", true, D("2019-02-10"), Hq, early))!;
        p = Project.Evolve(p, new DangerousHouseClosed(Id, ids[0], HousingSolution.Renovated, null, D("2019-08-01"), Hq, early))!;
        p = Project.Evolve(p, new DangerousHouseClosed(Id, ids[1], HousingSolution.Relocated, null, D("2019-09-28"), Hq, lateRecorded))!;

        var october = DangerousHouseBoard.Count([p], D("2019-10-10")).Single();
        Assert.Equal(("官店镇", 3, 2, 2, 1, 1), (october.Township, october.Listed, october.Closed, october.ClosedOnTime, october.Open, october.Overdue));
        var knownThen = DangerousHouseBoard.Count([p], D("2019-10-01"), new DateTimeOffset(2019, 10, 1, 23, 0, 0, ChinaTime.Offset)).Single();
        Assert.Equal((1, 2, 2), (knownThen.Closed, knownThen.Open, knownThen.Overdue));
        var september = DangerousHouseBoard.Count([p], D("2019-09-01")).Single();
        Assert.Equal((1, 2, 0), (september.Closed, september.Open, september.Overdue));
    }
}
