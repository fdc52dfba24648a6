namespace Funds.Api.Assets;

/// <summary>One asset of the register: the project it came from, what and where, its owner and upkeep responsible, and its
/// last upkeep check.</summary>
public sealed record AssetLine(
    Guid AssetId, Guid ProjectId, string Project, string Township, string Village, string Category, string Name, decimal Value, string Location,
    DateOnly RegisteredOn, string? Owner, AssetOwnerKind? OwnerKind, string? UpkeepResponsible, DateOnly? HandedOverOn,
    DateOnly? LastCheckedOn, AssetCondition? LastCondition, int Checks);

/// <summary>The asset register (资产台账) of a village or the county: the assets, how many and their total value.</summary>
public sealed record AssetRegister(IReadOnlyList<AssetLine> Items, int Page, int PageSize, int Total, decimal TotalValue, int NotHandedOver);
