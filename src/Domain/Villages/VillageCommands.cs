using Funds.Domain.Common;

namespace Funds.Domain.Villages;

/// <summary>Add a village to the county's register of townships and villages (admin).</summary>
public sealed record RegisterVillage(string? Township, string? Name, VillageStatus? Status, int? ExitYear, DateOnly? RegisteredOn = null) : Command;

/// <summary>Change a village's poverty status (e.g. exited, 出列), with a reason.</summary>
public sealed record ChangeVillageStatus(VillageStatus? Status, int? ExitYear, string? Reason, DateOnly? ChangedOn) : Command;

/// <summary>Pay from the village poverty fund, by a recorded village decision.</summary>
public sealed record PayFromVillageFund(
    decimal? Amount, VillageFundPurpose? Purpose, string? Payee, string? DecisionRef, DateOnly? PaidOn, string? Note = null) : Command;
