namespace Funds.Api.Pipeline;

/// <summary>A business key that must be unique in the county (a voucher number), stored as a document in
/// the same transaction as the events that use it: PostgreSQL's primary key (county, key) makes a second
/// use fail even when two requests race.</summary>
public sealed record UniqueKey
{
    public string Id { get; init; } = "";
    public Guid UsedBy { get; init; }

    public static string Voucher(string number) => $"voucher:{number}";

    public static UniqueKey For(string id, Guid usedBy) => new() { Id = id, UsedBy = usedBy };

    public static RuleViolation AlreadyUsed(string id)
    {
        if (id.StartsWith("household:"))
            return RuleViolation.Conflict("household-already-registered", $"A household with code {id[10..]} is already registered in the county.");
        if (id.StartsWith("identity:"))
            return RuleViolation.Conflict("identity-already-registered", "A household with this head's identity number is already registered in the county.");
        if (id.StartsWith("subsidy:"))
            return RuleViolation.Conflict("subsidy-already-paid", "The interest subsidy of this loan for this period is already paid.");
        if (id.StartsWith("village:"))
            return RuleViolation.Conflict("village-already-registered", $"{id[8..].Replace('/', ' ')} is already on the county's register.");
        var kind = id.Split(':', 2)[0];
        var value = id.Split(':', 2).ElementAtOrDefault(1);
        return RuleViolation.Conflict($"{kind}-already-used", $"The {kind} number '{value}' is already used; each must be unique in the county.");
    }
}
