using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Villages;

/// <summary>The rules of the village register and the village poverty fund, as pure functions.</summary>
public static class VillageDecider
{
    /// <summary>Register a village: names normalized and free of invisible or look-alike characters; not already
    /// on the register, and not a look-alike of a village of the same township (<paramref name="sameTownship"/>).</summary>
    public static VillageRegistered Register(Guid id, RegisterVillage c, Village? existing, IReadOnlyCollection<Village> sameTownship, DecisionContext ctx)
    {
        Names(c.Township, c.Name);
        var errors = new FieldErrors().Defined("status", c.Status);
        Status(errors, c.Status, c.ExitYear);
        errors.When(c.RegisteredOn is { } d && (d.Year < 2000 || d.Year > 2100), "registeredOn", "must be between 2000 and 2100.").ThrowIfAny();
        var township = PlaceNames.Normalize(c.Township!);
        var name = PlaceNames.Normalize(c.Name!);
        if (existing is not null)
            throw Uniqueness.Village(township, name);
        var skeleton = PlaceNames.Skeleton(name);
        if (sameTownship.FirstOrDefault(v => v.Skeleton == skeleton) is { } twin)
            throw RuleViolation.Unprocessable("village-look-alike", $"'{name}' reads like {twin.Name}, already on the register of {township}.");
        var on = c.RegisteredOn ?? ctx.Today;
        CheckDate(on, ctx);
        return new VillageRegistered(id, township, name, c.Status!.Value, c.ExitYear, on, ctx.By, ctx.Now);
    }

    public static VillageStatusChanged ChangeStatus(ChangeVillageStatus c, Village v, DecisionContext ctx)
    {
        var errors = new FieldErrors().Defined("status", c.Status).Text("reason", c.Reason, 2000).Date("changedOn", c.ChangedOn);
        Status(errors, c.Status, c.ExitYear);
        errors.ThrowIfAny();
        if (c.Status == v.Status && c.ExitYear == v.ExitYear)
            throw RuleViolation.Conflict("village-status-unchanged", $"{v.Name} already has the status {v.Status}.");
        CheckDate(c.ChangedOn!.Value, ctx);
        NotBefore(c.ChangedOn.Value, v.LastChangedOn, "the village's last change");
        return new VillageStatusChanged(v.Id, c.Status!.Value, c.ExitYear, c.Reason!.Trim(), c.ChangedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A payout of the village poverty fund: within its balance, with the decision that made it.</summary>
    public static VillageFundPaidOut PayOut(Guid payoutId, PayFromVillageFund c, Village v, DecisionContext ctx)
    {
        new FieldErrors().Amount("amount", c.Amount).Defined("purpose", c.Purpose).Text("payee", c.Payee, 100)
            .Text("decisionRef", c.DecisionRef, 100).Date("paidOn", c.PaidOn).OptionalText("note", c.Note).ThrowIfAny();
        if (c.Amount!.Value > v.FundBalance)
            throw RuleViolation.Unprocessable("village-fund-insufficient",
                $"The village poverty fund of {v.Name} holds {v.FundBalance:0.00} yuan; {c.Amount:0.00} cannot be paid from it.");
        CheckDate(c.PaidOn!.Value, ctx);
        NotBefore(c.PaidOn.Value, v.RegisteredOn, "the village's registration");
        return new VillageFundPaidOut(v.Id, payoutId, c.Amount.Value, c.Purpose!.Value, c.Payee!.Trim(), c.DecisionRef!.Trim(), c.Note?.Trim(),
            c.PaidOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>Township and village names: normalized, visible, unambiguous (rule <c>place-name-invalid</c>).</summary>
    public static void Names(string? township, string? village)
    {
        var problems = new List<string>();
        if (PlaceNames.Problem(township) is { } t) problems.Add($"township {t}");
        if (PlaceNames.Problem(village) is { } v) problems.Add($"village {v}");
        if (problems.Count > 0)
            throw new RuleViolation("place-name-invalid", "The name of a " + string.Join("; the name of a ", problems), RejectionKind.Invalid);
    }

    /// <summary>Whether a project (or household) may be placed in this village: it must be on the county's
    /// register, unless the county has not switched the register on (county policy <see cref="CountyPolicy.RequireRegisteredVillages"/>).</summary>
    public static void RequireRegistered(string township, string village, Village? registered, DecisionContext ctx)
    {
        if (registered is null && ctx.Policy.RequireRegisteredVillages)
            throw RuleViolation.Unprocessable("village-not-registered",
                $"{PlaceNames.Normalize(township)} {PlaceNames.Normalize(village)} is not on the county's register of villages; an admin registers villages (POST /api/villages).");
    }

    private static void Status(FieldErrors errors, VillageStatus? status, int? exitYear)
        => errors.When(status == VillageStatus.Exiting && exitYear is null, "exitYear", "is required for a village planned to exit.")
            .When(exitYear is < 2000 or > 2100, "exitYear", "must be between 2000 and 2100.")
            .When(status is VillageStatus.NonPoor or VillageStatus.Poor && exitYear is not null, "exitYear", "is only for villages planned to exit or exited.");
}
