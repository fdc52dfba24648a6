using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Projects;

// Supervision during construction and after: inspection visits on the project (实地检查、暗访督查).
public static partial class ProjectDecider
{
    public static InspectionRecorded Inspect(Guid id, RecordInspection c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("announced", c.Announced).Text("inspectors", c.Inspectors, 500).Text("summary", c.Summary, 4000)
            .Date("visitedOn", c.VisitedOn).ThrowIfAny();
        NotCancelled(s, "The project is cancelled; there is nothing to inspect.");
        if (s.Approval is null)
            throw Conflict("inspection-requires-approval", "A project is inspected once it is approved.");
        CheckDate(c.VisitedOn!.Value, ctx);
        NotBefore(c.VisitedOn.Value, s.Approval.ApprovedOn, "the approval");
        return new InspectionRecorded(s.Id, id, c.Announced!.Value, c.Inspectors!.Trim(), c.Summary!.Trim(), c.VisitedOn.Value, ctx.By, ctx.Now);
    }
}
