namespace Funds.Domain.Common;

/// <summary>The refusals of a business key already used in the county, in one wording whether a decider finds the key
/// taken or the database refuses a second use in a race.</summary>
public static class Uniqueness
{
    public static RuleViolation HouseholdCode(string code)
        => RuleViolation.Conflict("household-already-registered", $"A household with code {code} is already registered in the county.");

    public static RuleViolation Identity()
        => RuleViolation.Conflict("identity-already-registered", "A household with this head's identity number is already registered in the county.");

    public static RuleViolation Village(string township, string name)
        => RuleViolation.Conflict("village-already-registered", $"{township} {name} is already on the county's register.");

    /// <summary>A document number (a voucher number) used twice.</summary>
    public static RuleViolation Number(string kind, string value)
        => RuleViolation.Conflict($"{kind}-already-used", $"The {kind} number '{value}' is already used; each must be unique in the county.");
}
