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
        if (c.InspectionId is { } visit && project?.Inspections.Any(i => i.Id == visit) != true)
            throw RuleViolation.Unprocessable("inspection-not-found", $"The project has no inspection visit {visit}; a finding of a visit names the visit's project.");
        var raisedOn = c.RaisedOn ?? ctx.Today;
        CheckDate(raisedOn, ctx);
        if (c.Deadline!.Value < raisedOn)
            throw RuleViolation.Unprocessable("deadline-before-finding", "The rectification deadline cannot be before the finding is raised.");
        return new FindingRaised(id, c.Source!.Value, c.Description!.Trim(), project?.Id, project?.Township ?? c.Township!.Trim(),
            project?.Village ?? c.Village?.Trim(), c.Deadline.Value, raisedOn, ctx.By, ctx.Now, c.InspectionId);
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
        if (f.Status is FindingStatus.Open)
            throw RuleViolation.Conflict("close-requires-rectification", "A finding is closed (销号) only after its rectification is reported.");
        if (f.Status != FindingStatus.Verified)
            throw RuleViolation.Conflict("close-requires-verification",
                "A finding is closed (销号) only after its rectification is verified on site by someone other than the one who reported it.");
        CheckDate(c.ClosedOn!.Value, ctx);
        NotBefore(c.ClosedOn.Value, f.Verification!.VerifiedOn, "the on-site verification");
        return new FindingClosed(f.Id, c.Note?.Trim(), c.ClosedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>The fix was not confirmed on site: back to the township, with the reason.</summary>
    public static RectificationSentBack SendBack(SendBackRectification c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().Text("reason", c.Reason, 4000).Date("sentBackOn", c.SentBackOn).ThrowIfAny();
        Reported(f, "send-back-requires-rectification", "A finding is sent back only when a rectification is reported and not yet verified.");
        CheckDate(c.SentBackOn!.Value, ctx);
        NotBefore(c.SentBackOn.Value, f.Rectifications[^1].ReportedOn, "the rectification report");
        return new RectificationSentBack(f.Id, c.Reason!.Trim(), c.SentBackOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>On-site verification of the last rectification, by someone other than the one who reported it.</summary>
    public static RectificationVerified Verify(VerifyRectification c, Finding f, DecisionContext ctx)
    {
        new FieldErrors().OptionalText("note", c.Note).Date("verifiedOn", c.VerifiedOn).ThrowIfAny();
        Reported(f, "verification-requires-rectification", "A rectification is verified on site once it is reported.");
        var fixer = f.Rectifications[^1].By;
        if (fixer.Subject == ctx.By.Subject)
            throw RuleViolation.Forbidden("verifier-is-fixer", "The on-site verification is made by someone other than the one who reported the fix.");
        CheckDate(c.VerifiedOn!.Value, ctx);
        NotBefore(c.VerifiedOn.Value, f.Rectifications[^1].ReportedOn, "the rectification report");
        return new RectificationVerified(f.Id, c.Note?.Trim(), c.VerifiedOn.Value, ctx.By, ctx.Now);
    }

    private static void Reported(Finding f, string rule, string message)
    {
        if (f.Status == FindingStatus.Closed) throw RuleViolation.Conflict("finding-closed", "The finding is already closed.");
        if (f.Status != FindingStatus.RectificationReported) throw RuleViolation.Conflict(rule, message);
    }
}
