using Funds.Domain.Common;
using static Funds.Domain.Projects.ProjectStatus;

namespace Funds.Domain.Projects;

// Before approval (申报、筛选、论证、审批): screening, assessment, and who may approve (county policy).
public static partial class ProjectDecider
{
    /// <summary>A bound on one request's size (planned funding lines of an assessment), not a business rule.</summary>
    public const int MaxPlannedFundingLines = 20;

    public static ProjectScreened Screen(ScreenProject c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("included", c.Included).Text("reason", c.Reason, 2000).Date("screenedOn", c.ScreenedOn).ThrowIfAny();
        BeforeApproval(s, "screening-closed", "screened");
        Dated(c.ScreenedOn!.Value, s, ctx);
        return new ProjectScreened(s.Id, c.Included!.Value, c.Reason!.Trim(), c.ScreenedOn.Value, ctx.By, ctx.Now);
    }

    public static ProjectAssessed Assess(AssessProject c, Project s, DecisionContext ctx)
    {
        var errors = new FieldErrors().Required("feasible", c.Feasible).Text("conclusion", c.Conclusion, 4000)
            .Required("householdsReached", c.HouseholdsReached)
            .When(c.HouseholdsReached is < 0 or > 1_000_000, "householdsReached", "must be between 0 and 1,000,000.")
            .Date("assessedOn", c.AssessedOn);
        var lines = c.PlannedFunding ?? [];
        errors.When(c.Feasible is true && lines.Count == 0, "plannedFunding", "a feasible project needs its planned funding (sources and amounts).")
            .When(lines.Count > MaxPlannedFundingLines, "plannedFunding", $"at most {MaxPlannedFundingLines} lines.");
        for (var i = 0; i < lines.Count && i < MaxPlannedFundingLines; i++)
        {
            if (lines[i] is null) { errors.Add($"plannedFunding[{i}]", "is required."); continue; }
            errors.Defined($"plannedFunding[{i}].kind", lines[i].Kind).Amount($"plannedFunding[{i}].amount", lines[i].Amount);
        }
        errors.ThrowIfAny();
        BeforeApproval(s, "assessment-closed", "assessed");
        if (s.Screening is not { Included: true })
            throw Conflict("assessment-requires-screening", "A project is assessed only after screening has taken it into the plan.");
        Dated(c.AssessedOn!.Value, s, ctx);
        var planned = lines.GroupBy(l => l.Kind!.Value).Select(g => new PlannedFunding(g.Key, g.Sum(l => l.Amount!.Value))).ToArray();
        return new ProjectAssessed(s.Id, c.Feasible!.Value, c.Conclusion!.Trim(), c.HouseholdsReached!.Value, planned, c.AssessedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>Who approves is county policy (<see cref="CountyPolicy.ApprovingRole"/>; a township HQ may also approve
    /// projects of its township up to <see cref="CountyPolicy.TownshipApprovalLimit"/>). The permissions table lists
    /// every role a county may choose; this narrows it to the county's choice.</summary>
    public static void ApproverInPolicy(DecisionContext ctx, Project s, decimal? budget)
    {
        var role = ctx.By.Role;
        if (role == ctx.Policy.ApprovingRole) return;
        if (role == Access.Roles.TownshipHq && ctx.Policy.TownshipApprovalLimit > 0)
        {
            if (budget is null || budget <= ctx.Policy.TownshipApprovalLimit) return;
            throw RuleViolation.Forbidden("approver-not-in-policy",
                $"A township HQ approves projects up to {ctx.Policy.TownshipApprovalLimit:0.00} yuan in this county (county policy); {budget:0.00} is approved by '{ctx.Policy.ApprovingRole}'.");
        }
        throw RuleViolation.Forbidden("approver-not-in-policy",
            $"In this county projects are approved by '{ctx.Policy.ApprovingRole}' (county policy Funds:Policy:ApprovingRole); the caller acts as '{role}'.");
    }

    private static void ScreenedAndAssessed(Project s)
    {
        if (s.Screening is null)
            throw Conflict("approval-requires-screening", "A project is approved only after it is screened (筛选) into the plan.");
        if (!s.Screening.Included)
            throw Conflict("screened-out", $"Screening left the project out of the plan ({s.Screening.Reason}); screen it again before approval.");
        if (s.Assessment is null)
            throw Conflict("approval-requires-assessment", "A project is approved only after its assessment (论证).");
        if (!s.Assessment.Feasible)
            throw Conflict("assessed-not-feasible", $"The assessment found the project not feasible ({s.Assessment.Conclusion}); assess it again before approval.");
    }

    private static void BeforeApproval(Project s, string rule, string what)
    {
        Open(s);
        if (s.Status != Registered)
            throw Conflict(rule, $"The project is already approved; it is {what} only before approval.");
    }
}
