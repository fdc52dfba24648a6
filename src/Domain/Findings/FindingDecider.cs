using Funds.Domain.Common;
using Funds.Domain.Projects;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Findings;

public static class FindingDecider
{
    public static FindingRaised Raise(Guid id, RaiseFinding c, Project? project, DecisionContext ctx)
    {
        new FieldErrors().Defined("source", c.Source).Text("description", c.Description, 4000).Date("deadline", c.Deadline)
            .When(c.ProjectId is null && string.IsNullOrWhiteSpace(c.Township), "township", "is required when the finding is not about a project.")
            .When(c.ProjectId is null && string.IsNullOrWhiteSpace(c.Village), "village", "is required when the finding is not about a project.")
            .ThrowIfAny();
        if (c.ProjectId is not null && project is null)
            throw RuleViolation.Unprocessable("project-not-found", $"No project with id {c.ProjectId}.");
        var raisedOn = c.RaisedOn ?? ctx.Today;
        CheckDate(raisedOn, ctx);
        if (c.Deadline!.Value < raisedOn)
            throw RuleViolation.Unprocessable("deadline-before-finding", "The rectification deadline cannot be before the finding is raised.");
        return new FindingRaised(id, c.Source!.Value, c.Description!.Trim(), project?.Id, project?.Township ?? c.Township!.Trim(),
            project?.Village ?? c.Village?.Trim(), c.Deadline.Value, raisedOn, ctx.By, ctx.Now);
    }

    public static RectificationReported Report(ReportRectification c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().Text("measures", c.Measures, 4000).Date("reportedOn", c.ReportedOn).ThrowIfAny();
        if (f.Status == FindingStatus.Closed)
            throw RuleViolation.Conflict("finding-closed", "The finding is already closed.");
        CheckDate(c.ReportedOn!.Value, ctx);
        NotBefore(c.ReportedOn.Value, f.RaisedOn, "the finding");
        return new RectificationReported(f.Id, c.Measures!.Trim(), c.ReportedOn.Value, ctx.By, ctx.Now);
    }

    public static FindingClosed Close(CloseFinding c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().OptionalText("note", c.Note).Date("closedOn", c.ClosedOn).ThrowIfAny();
        if (f.Status == FindingStatus.Closed)
            throw RuleViolation.Conflict("finding-closed", "The finding is already closed.");
        if (f.Status != FindingStatus.RectificationReported)
            throw RuleViolation.Conflict("close-requires-rectification", "A finding is closed (销号) only after its rectification is reported.");
        CheckDate(c.ClosedOn!.Value, ctx);
        NotBefore(c.ClosedOn.Value, f.Rectifications[^1].ReportedOn, "the rectification report");
        return new FindingClosed(f.Id, c.Note?.Trim(), c.ClosedOn.Value, ctx.By, ctx.Now);
    }
}
