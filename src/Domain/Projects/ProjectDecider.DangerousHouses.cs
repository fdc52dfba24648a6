using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Projects;

// The dangerous-house ledger (危房户,建立台账,实行销号管理): housing-renovation projects carry their households, each item
// closed on its own; the 2019 plan wants them all closed by the end of September 2019 (住房安全问题"清零").
public static partial class ProjectDecider
{
    public static DangerousHouseListed ListHouse(Guid id, ListDangerousHouse c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Text("ledgerRef", c.LedgerRef, 100).Text("head", c.Head, 50).Required("priorityGroup", c.PriorityGroup)
            .Date("listedOn", c.ListedOn).ThrowIfAny();
        if (s.Category != ProjectCategories.HousingRenovation)
            throw Unprocessable("housing-renovation-only", "Only housing-renovation (危房改造) projects carry a dangerous-house ledger.");
        NotCancelled(s);
        if (s.DangerousHouses.Any(h => h.LedgerRef == c.LedgerRef!.Trim()))
            throw Conflict("household-already-listed", $"'{c.LedgerRef!.Trim()}' is already on the project's ledger.");
        CheckDate(c.ListedOn!.Value, ctx);
        NotBefore(c.ListedOn.Value, s.RegisteredOn, "the registration");
        return new DangerousHouseListed(s.Id, id, c.LedgerRef!.Trim(), c.Head!.Trim(), c.PriorityGroup!.Value, c.ListedOn.Value, ctx.By, ctx.Now);
    }

    public static DangerousHouseClosed CloseHouse(CloseDangerousHouse c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("householdId", c.HouseholdId).Defined("solution", c.Solution).OptionalText("note", c.Note)
            .Date("closedOn", c.ClosedOn).ThrowIfAny();
        var house = s.DangerousHouses.FirstOrDefault(h => h.Id == c.HouseholdId)
                    ?? throw Unprocessable("household-not-found", $"The project's ledger has no household {c.HouseholdId}.");
        if (house.ClosedOn is not null)
            throw Conflict("household-already-closed", $"{house.LedgerRef} was closed on {house.ClosedOn:yyyy-MM-dd}.");
        CheckDate(c.ClosedOn!.Value, ctx);
        NotBefore(c.ClosedOn.Value, house.ListedOn, "the listing");
        return new DangerousHouseClosed(s.Id, house.Id, c.Solution!.Value, c.Note?.Trim(), c.ClosedOn.Value, ctx.By, ctx.Now);
    }
}
