namespace Funds.Api.Pipeline;

/// <summary>A business key that must be unique in the county (a voucher number, a household code…), stored as a document in
/// the same transaction as the events that use it: PostgreSQL's primary key (county, key) makes a second
/// use fail even when two requests race.</summary>
public sealed record UniqueKey
{
    public string Id { get; init; } = "";
    public Guid UsedBy { get; init; }

    public static string Voucher(string number) => $"voucher:{number}";
    public static string Household(string code) => $"household:{code}";
    /// <summary>A head of household's identity number, by its keyed hash (the number itself is never stored).</summary>
    public static string Identity(string hash) => $"identity:{hash}";
    /// <summary>One interest subsidy per loan and period.</summary>
    public static string Subsidy(Guid loanId, string period) => $"subsidy:{loanId}/{period}";
    /// <summary>A village in its county: township and name, normalized.</summary>
    public static string Village(string township, string name) => $"village:{PlaceNames.Normalize(township)}/{PlaceNames.Normalize(name)}";

    public static UniqueKey For(string id, Guid usedBy) => new() { Id = id, UsedBy = usedBy };

    /// <summary>The refusal for a key the database found already used.</summary>
    public static RuleViolation AlreadyUsed(string id)
    {
        var kind = id.Split(':', 2)[0];
        var value = id.Split(':', 2).ElementAtOrDefault(1) ?? "";
        return kind switch
        {
            "household" => Uniqueness.HouseholdCode(value),
            "identity" => Uniqueness.Identity(),
            "subsidy" => RuleViolation.Conflict("subsidy-already-paid", "The interest subsidy of this loan for this period is already paid."),
            "village" => Uniqueness.Village(value.Split('/', 2)[0], value.Split('/', 2).ElementAtOrDefault(1) ?? ""),
            _ => Uniqueness.Number(kind, value),
        };
    }
}
