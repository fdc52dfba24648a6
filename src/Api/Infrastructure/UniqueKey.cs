using Funds.Domain.Common;

namespace Funds.Api.Infrastructure;

/// <summary>A business key that must be unique across the county (e.g. a voucher number), stored as a
/// document in the same transaction as the events that use it: PostgreSQL's primary key makes a
/// second use fail even under concurrency.</summary>
public sealed record UniqueKey
{
    public string Id { get; init; } = "";
    public Guid UsedBy { get; init; }

    public static UniqueKey For(string kind, string value, Guid usedBy) => new() { Id = $"{kind}:{value}", UsedBy = usedBy };

    public static RuleViolation AlreadyUsed(string id)
    {
        var kind = id.Split(':', 2)[0];
        var value = id.Split(':', 2).ElementAtOrDefault(1);
        return new RuleViolation($"{kind}-already-used", $"The {kind} number '{value}' is already used; each must be unique in the county.", RejectionKind.Conflict);
    }
}
