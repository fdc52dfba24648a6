using Funds.Domain.Common;
using Funds.Domain.Households;

namespace Funds.Projections.Households;

public enum HouseholdLineType
{
    LinkStarted = 1, LinkEnded = 2, IncomeShare = 3, LoanIssued = 4, LoanRepaid = 5, LoanExtended = 6, LoanOverdue = 7, InterestSubsidy = 8,
}

/// <summary>One line of a household's trail (收益动态明细台账): a link to a project begun or ended, a share of a
/// project's income, a loan issued, repaid, extended or reported overdue, an interest subsidy paid on it.</summary>
public sealed record HouseholdLine
{
    public Guid Id { get; init; }
    public long Sequence { get; init; }
    public Guid HouseholdId { get; init; }
    public HouseholdLineType Type { get; init; }
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public Guid? ProjectId { get; init; }
    public string? ProjectName { get; init; }
    public Guid? LoanId { get; init; }
    public Guid? FundSourceId { get; init; }
    public string? SourceName { get; init; }
    public string? Period { get; init; }
    /// <summary>For an income share: the household's status on the register at the distribution date, as decided.</summary>
    public HouseholdStatus? StatusThen { get; init; }
    public LinkKind? LinkKind { get; init; }
    public decimal Amount { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
    public DateOnly BusinessDate { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Actor By { get; init; } = Actor.System;
}
