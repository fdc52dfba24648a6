using Funds.Domain.Deadlines;

namespace Funds.Api.Deadlines;

/// <summary>The deadline rules in force and the at-risk window (county policy) the board uses.</summary>
public sealed record DeadlinePolicyDetails(IReadOnlyList<DeadlineRule> Rules, int AtRiskDays);
