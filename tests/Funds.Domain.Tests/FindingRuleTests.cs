using Funds.Domain.Common;
using Funds.Domain.Findings;
using Funds.Domain.Projects;
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

    private static readonly Actor Inspector = new("duzhan-wang", "supervisor");
    private static DecisionContext AsInspector() => new(Inspector, Now, Given.Policy);
    private static Finding Verified() => Finding.Evolve(Reported(), FindingDecider.Verify(new VerifyRectification("现场核实", D("2019-11-25")), Reported(), AsInspector()))!;

    [Fact]
    public void closure_needs_an_on_site_verification_and_is_final()
    {
        Expect.Rule("close-requires-rectification", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding("销号", D("2019-12-01")), Raised(), AsInspector()));
        Expect.Rule("close-requires-verification", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding("销号", D("2019-12-01")), Reported(), AsInspector()));
        var closed = Finding.Evolve(Verified(), FindingDecider.Close(new CloseFinding("销号", D("2019-12-01")), Verified(), AsInspector()))!;
        Assert.Equal(FindingStatus.Closed, closed.Status);
        Expect.Rule("finding-closed", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding(null, D("2019-12-02")), closed, AsInspector()));
        Expect.Rule("finding-closed", RejectionKind.Conflict, () => FindingDecider.Report(new ReportRectification("再次整改", D("2019-12-02")), closed, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => FindingDecider.Close(new CloseFinding(null, D("2019-11-24")), Verified(), AsInspector()));
    }

    [Fact]
    public void the_one_who_reported_the_fix_cannot_verify_it_and_an_unconfirmed_fix_goes_back()
    {
        Expect.Rule("verifier-is-fixer", RejectionKind.Forbidden, () => FindingDecider.Verify(new VerifyRectification(null, D("2019-11-25")), Reported(), Ctx()));
        Expect.Rule("verification-requires-rectification", RejectionKind.Conflict, () => FindingDecider.Verify(new VerifyRectification(null, D("2019-11-25")), Raised(), AsInspector()));
        var back = Finding.Evolve(Reported(), FindingDecider.SendBack(new SendBackRectification("现场未整改到位", D("2019-11-22")), Reported(), AsInspector()))!;
        Assert.Equal((FindingStatus.Open, 1), (back.Status, back.SentBack.Count));
        Expect.Rule("send-back-requires-rectification", RejectionKind.Conflict, () => FindingDecider.SendBack(new SendBackRectification("x", D("2019-11-23")), back, AsInspector()));
        Expect.Rule("close-requires-rectification", RejectionKind.Conflict, () => FindingDecider.Close(new CloseFinding(null, D("2019-12-01")), back, AsInspector()));
    }

    [Fact]
    public void a_finding_of_an_inspection_names_a_visit_of_its_project()
    {
        var visit = ProjectDecider.Inspect(Guid.NewGuid(), new RecordInspection(false, "县督战队第三组", "排水沟未完工", D("2019-10-08")), Approved_(), AsInspector());
        var inspected = Project.Evolve(Approved_(), visit)!;
        var raised = FindingDecider.Raise(FindingId, Audit with { ProjectId = Id, InspectionId = visit.InspectionId }, inspected, AsInspector());
        Assert.Equal(visit.InspectionId, Fold(raised).InspectionId);
        Expect.Rule("inspection-not-found", RejectionKind.Unprocessable,
            () => FindingDecider.Raise(FindingId, Audit with { ProjectId = Id, InspectionId = Guid.NewGuid() }, inspected, AsInspector()));
        Expect.Rule("inspection-requires-approval", RejectionKind.Conflict,
            () => ProjectDecider.Inspect(Guid.NewGuid(), new RecordInspection(true, "x", "y", D("2019-10-08")), Registered_(), AsInspector()));
        Expect.Invalid(() => ProjectDecider.Inspect(Guid.NewGuid(), new RecordInspection(null, "", "y", D("2019-10-08")), Approved_(), AsInspector()), "announced", "inspectors");
    }

    [Fact]
    public void the_monthly_report_counts_by_township_within_the_month_and_at_its_end()
    {
        var visit = new InspectionRecorded(Id, Guid.NewGuid(), false, "督战队", "暗访", D("2019-11-05"), Inspector, Now);
        var earlier = new InspectionRecorded(Id, Guid.NewGuid(), true, "督战队", "检查", D("2019-10-30"), Inspector, Now);
        var project = Project.Evolve(Project.Evolve(Approved_(), visit), earlier)!;
        var rows = Funds.Domain.Oversight.SupervisionReport.For(D("2019-11-01"), [project], [Verified(), Raised()]);
        var row = Assert.Single(rows);
        Assert.Equal(("官店镇", 1, 1, 0, 1, 0, 1, 0, 2, 0), (row.Township, row.Inspections, row.Unannounced, row.FindingsRaised, row.RectificationsReported,
            row.SentBack, row.Verified, row.Closed, row.OpenAtMonthEnd, row.OverdueAtMonthEnd));
        var december = Funds.Domain.Oversight.SupervisionReport.For(D("2019-12-01"), [project], [Verified(), Raised()]).Single();
        Assert.Equal((0, 2, 2), (december.Inspections, december.OpenAtMonthEnd, december.OverdueAtMonthEnd));
        Assert.Empty(Funds.Domain.Oversight.SupervisionReport.For(D("2019-09-01"), [project], [Verified(), Raised()]));
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
