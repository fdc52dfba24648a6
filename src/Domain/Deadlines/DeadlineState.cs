using Funds.Domain.Projects;

namespace Funds.Domain.Deadlines;

/// <summary>One deadline of one project on the board: the rule, its due date and how it stands.</summary>
public sealed record DeadlineState(
    Guid ProjectId, string Project, string Township, string Village, string Category, int PlanYear,
    string RuleId, string Rule, DeadlineKind Kind, DateOnly Due, DeadlineStatus Status,
    DateOnly? MetOn, int? DaysLate, int? DaysOverdue, int? DaysLeft, bool Escalated);
