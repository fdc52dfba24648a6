using Funds.Domain.Common;
using Funds.Domain.Findings;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class FindingRules
{
    private static readonly Guid FindingId = Guid.Parse("0190c3b2-0000-7000-8000-0000000000a1");
    private static readonly RaiseFinding Audit = new(FindingSource.Audit, "资金拨付滞后", null, "官店镇", "黄坪村", D("2019-11-30"), D("2019-10-08"));

    private static Finding Fold(params object[] events) => events.Aggregate((Finding?)null, Finding.Evolve)!;
    private static Finding Raised() => Fold(FindingDecider.Raise(FindingId, Audit, null, Ctx()));
    private static Finding Reported() => Fold(FindingDecider.Raise(FindingId, Audit, null, Ctx()), new RectificationReported(FindingId, "已拨付", D("2019-11-20"), Hq, Now));

    [Fact]
    public void a_finding_about_a_project_takes_the_project_s_place_else_needs_one()
    {
        var onProject = FindingDecider.Raise(FindingId, Audit with { ProjectId = Id, Township = null, Village = null }, Approved_(), Ctx());
        Assert.Equal(("官店镇", "黄坪村", (Guid?)Id), (onProject.Township, onProject.Village, onProject.ProjectId));
        Expect.Invalid(() => FindingDecider.Raise(FindingId, Audit with { Township = null, Village = " " }, null, Ctx()), "township", "village");
        Expect.Rule("project-not-found", RejectionKind.Unprocessable, () => FindingDecider.Raise(FindingId, Audit with { ProjectId = Guid.NewGuid() }, null, Ctx()));
    }

    [Fact]
    public void the_deadline_cannot_precede_the_finding_and_the_finding_is_not_in_the_future()
    {
        Expect.Rule("deadline-before-finding", RejectionKind.Unprocessable, () => FindingDecider.Raise(FindingId, Audit with { Deadline = D("2019-10-07") }, null, Ctx()));
        Expect.Rule("date-in-future", RejectionKind.Unprocessable, () => FindingDecider.Raise(FindingId, Audit with { RaisedOn = D("2020-01-16"), Deadline = D("2020-02-01") }, null, Ctx()));
        Assert.Equal(D("2020-01-15"), FindingDecider.Raise(FindingId, Audit with { RaisedOn = null, Deadline = D("2020-02-01") }, null, Ctx()).RaisedOn);
    }

    [Fact]
    public void closure_needs_a_reported_rectification_and_is_final()
    {
        Expect.Rule("close-requires-rectification", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding("销号", D("2019-12-01")), Raised(), Ctx()));
        var closed = Finding.Evolve(Reported(), FindingDecider.Close(new CloseFinding("销号", D("2019-12-01")), Reported(), Ctx()))!;
        Assert.Equal(FindingStatus.Closed, closed.Status);
        Expect.Rule("finding-closed", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding(null, D("2019-12-02")), closed, Ctx()));
        Expect.Rule("finding-closed", RejectionKind.Conflict, () => FindingDecider.Report(new ReportRectification("再次整改", D("2019-12-02")), closed, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => FindingDecider.Close(new CloseFinding(null, D("2019-11-19")), Reported(), Ctx()));
    }

    [Fact]
    public void a_rectification_is_dated_after_the_finding_and_open_findings_count_days_overdue()
    {
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => FindingDecider.Report(new ReportRectification("整改", D("2019-10-07")), Raised(), Ctx()));
        Expect.Invalid(() => FindingDecider.Report(new ReportRectification("", null), Raised(), Ctx()), "measures", "reportedOn");
        Assert.Equal(10, Raised().DaysOverdue(D("2019-12-10")));
        Assert.Null(Raised().DaysOverdue(D("2019-11-30")));
    }
}
