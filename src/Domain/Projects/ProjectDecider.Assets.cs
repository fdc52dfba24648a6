using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Projects;

// Assets after completion (资产运营管理; 建得成、管得好、用得起、长受益): registered on settlement, handed over to an owner with
// an upkeep responsible (责权界定), and checked.
public static partial class ProjectDecider
{
    public static AssetRegistered RegisterAsset(Guid id, RegisterAsset c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Text("name", c.Name).Amount("value", c.Value).Text("location", c.Location, 500).Date("registeredOn", c.RegisteredOn).ThrowIfAny();
        if (s.Settlement is null)
            throw Conflict("asset-requires-settlement", "A project's assets are registered on its settlement (结算); the project is not settled.");
        CheckDate(c.RegisteredOn!.Value, ctx);
        NotBefore(c.RegisteredOn.Value, s.Settlement.SettledOn, "the settlement");
        return new AssetRegistered(s.Id, id, c.Name!.Trim(), c.Value!.Value, c.Location!.Trim(), c.RegisteredOn.Value, ctx.By, ctx.Now);
    }

    public static AssetHandedOver HandOver(HandOverAsset c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("assetId", c.AssetId).Text("owner", c.Owner).Defined("ownerKind", c.OwnerKind)
            .Text("upkeepResponsible", c.UpkeepResponsible).Date("handedOverOn", c.HandedOverOn).ThrowIfAny();
        var asset = AssetOf(s, c.AssetId!.Value);
        if (asset.HandedOverOn is not null)
            throw Conflict("asset-already-handed-over", $"{asset.Name} was handed over to {asset.Owner} on {asset.HandedOverOn:yyyy-MM-dd}.");
        if (c.OwnerKind == AssetOwnerKind.OperatingEntity && s.OperatingEntity is null)
            throw Conflict("operating-entity-required", "The project has no operating entity to hand the asset over to.");
        CheckDate(c.HandedOverOn!.Value, ctx);
        NotBefore(c.HandedOverOn.Value, asset.RegisteredOn, "the asset's registration");
        return new AssetHandedOver(s.Id, asset.Id, c.Owner!.Trim(), c.OwnerKind!.Value, c.UpkeepResponsible!.Trim(), c.HandedOverOn.Value, ctx.By, ctx.Now);
    }

    public static AssetUpkeepChecked CheckUpkeep(CheckAssetUpkeep c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("assetId", c.AssetId).Defined("condition", c.Condition).OptionalText("note", c.Note)
            .When(c.Condition is AssetCondition.NeedsRepair or AssetCondition.OutOfUse && string.IsNullOrWhiteSpace(c.Note), "note",
                "says what is wrong when the asset is not in good condition.")
            .Date("checkedOn", c.CheckedOn).ThrowIfAny();
        var asset = AssetOf(s, c.AssetId!.Value);
        if (asset.HandedOverOn is not { } handedOver)
            throw Conflict("upkeep-requires-handover", "Upkeep is checked once the asset is handed over to its owner and upkeep responsible.");
        CheckDate(c.CheckedOn!.Value, ctx);
        NotBefore(c.CheckedOn.Value, handedOver, "the handover");
        return new AssetUpkeepChecked(s.Id, asset.Id, c.Condition!.Value, c.Note?.Trim(), c.CheckedOn.Value, ctx.By, ctx.Now);
    }

    private static Asset AssetOf(Project s, Guid id)
        => s.Assets.FirstOrDefault(a => a.Id == id) ?? throw Unprocessable("asset-not-found", $"The project has no asset {id}.");
}
