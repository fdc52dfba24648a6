using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Findings;
using Funds.Domain.Projects;

namespace Funds.Demo;

// Supervision during construction: one project in seven gets an inspection visit a fortnight after its start (every
// other one unannounced, 暗访); one in fourteen has a finding raised on the visit, rectified by the township, verified on
// site by another inspector and closed (销号); one in twenty-eight is sent back once before it is verified. Dates follow
// the start without drawing randomness, so the rest of the county is generated as before.
internal sealed partial class DemoCountyGenerator
{
    private Actor Inspector => new($"duzhan-{_shape.Code}-1", Roles.Supervisor);
    private Actor Verifier => new($"duzhan-{_shape.Code}-2", Roles.Supervisor);

    private void PlanSupervision(SimProject p, LifePlan plan, DateTimeOffset startedAt)
    {
        if (p.Index % 7 != 3) return;
        var visitAt = startedAt.AddDays(15);
        plan.Side(visitAt, () => Visit(p, p.Index % 2 == 1));
    }

    private void Visit(SimProject p, bool unannounced)
    {
        if (p.State is not { Status: not ProjectStatus.Cancelled } state || state.Approval is null) return;
        var visit = ProjectDecider.Inspect(DerivedId(p.Id, 0x71), new RecordInspection(!unannounced, "县脱贫攻坚督战队第二组",
            unannounced ? "暗访：施工现场安全防护不到位" : "实地检查：工程进度正常", ChinaDay(_now)), state, Ctx(Inspector));
        Emit(p, visit);
        if (p.Index % 14 != 3) return;

        var findingId = DerivedId(p.Id, 0x72);
        var raisedOn = ChinaDay(_now);
        Finding? finding = null;
        void Record(object e)
        {
            finding = Finding.Evolve(finding, e);
            _log.Add(new DemoEvent(findingId, DemoStreamKind.Finding, e, _now));
        }
        Record(FindingDecider.Raise(findingId, new RaiseFinding(FindingSource.Inspection, "施工现场安全防护不到位，警示标志缺失", p.Id, null, null,
            raisedOn.AddDays(30), raisedOn, visit.InspectionId), p.State, Ctx(Inspector)));
        var sendBack = p.Index % 28 == 3;
        Later(10, () => Record(FindingDecider.Report(new ReportRectification("已设置围挡和警示标志", ChinaDay(_now)), finding!, Ctx(p.Hq))));
        if (sendBack)
        {
            Later(13, () => Record(FindingDecider.SendBack(new SendBackRectification("现场核查：部分路段仍无警示标志", ChinaDay(_now)), finding!, Ctx(Verifier))));
            Later(18, () => Record(FindingDecider.Report(new ReportRectification("全线补设警示标志", ChinaDay(_now)), finding!, Ctx(p.Hq))));
        }
        var verifyAfter = sendBack ? 22 : 14;
        Later(verifyAfter, () => Record(FindingDecider.Verify(new VerifyRectification("现场核实整改到位", ChinaDay(_now)), finding!, Ctx(Verifier))));
        Later(verifyAfter + 2, () => Record(FindingDecider.Close(new CloseFinding("销号", ChinaDay(_now)), finding!, Ctx(Inspector))));
    }

    private void Later(int days, Action step)
    {
        var at = _now.AddDays(days);
        if (ChinaDay(at) <= Horizon) Schedule(at, step);
    }
}
