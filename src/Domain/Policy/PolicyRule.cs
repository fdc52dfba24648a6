namespace Funds.Domain.Policy;

/// <summary>One rule Funds enforces: its stable id, what it says, its value in this county, where it comes
/// from, and where it is configured (for a seed fact: the passage it rests on).</summary>
public sealed record PolicyRule(string Id, string Description, object Value, RuleSource Source, string Where);
