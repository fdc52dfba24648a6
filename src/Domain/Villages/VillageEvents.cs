using Funds.Domain.Common;

namespace Funds.Domain.Villages;

// Village stream: the county's master data of its villages (registered, status changed) and the village
// poverty fund (村扶贫基金): receipts of the collective's share of project income, payouts by decision.

public sealed record VillageRegistered(
    Guid VillageId, string Township, string Name, VillageStatus Status, int? ExitYear, DateOnly RegisteredOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

public sealed record VillageStatusChanged(
    Guid VillageId, VillageStatus Status, int? ExitYear, string Reason, DateOnly ChangedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>The collective's share of an industry project's income distribution, paid into the village poverty fund.</summary>
public sealed record VillageFundReceived(
    Guid VillageId, Guid DistributionId, ProjectRef Project, string Period, decimal Amount, DateOnly ReceivedOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;

/// <summary>A payout of the village poverty fund, by a decision of the village (its reference is required).</summary>
public sealed record VillageFundPaidOut(
    Guid VillageId, Guid PayoutId, decimal Amount, VillageFundPurpose Purpose, string Payee, string DecisionRef, string? Note,
    DateOnly PaidOn, Actor By, DateTimeOffset RecordedAt) : IRecordedEvent;
