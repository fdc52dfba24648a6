using Funds.Domain.Common;
using Funds.Domain.Households;
using Funds.Domain.Villages;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Projects;

// Benefit linkage (带贫 / 利益联结) and income distribution per household (收益分配): who an industry project
// benefits, and what each household received.
public static partial class ProjectDecider
{
    /// <summary>A bound on one request's size (households in one distribution), not a business rule.</summary>
    public const int MaxRecipients = 5_000;

    /// <summary>Link a household of the project's township, on the register and poor (or exited, monitored) on the
    /// link date, to an operating industry project; one active link per household and project.</summary>
    public static BenefitLinked Link(Guid linkId, LinkHousehold c, Project p, Household? h, DecisionContext ctx)
    {
        new FieldErrors().Required("householdId", c.HouseholdId).Defined("kind", c.Kind).Required("expectedAnnualBenefit", c.ExpectedAnnualBenefit)
            .When(c.ExpectedAnnualBenefit is < 0 || (c.ExpectedAnnualBenefit is { } b && decimal.Round(b, 2) != b) || c.ExpectedAnnualBenefit > Money.Max,
                "expectedAnnualBenefit", "must be zero or more, in yuan with at most two decimals.")
            .Date("linkedOn", c.LinkedOn).OptionalText("note", c.Note).ThrowIfAny();
        Industry(p);
        NotCancelled(p);
        if (p.Status == ProjectStatus.Registered)
            throw RuleViolation.Conflict("link-requires-approval", "Households are linked to an approved industry project.");
        if (h is null)
            throw RuleViolation.Unprocessable("household-not-found", $"No household with id {c.HouseholdId} on the county's register.");
        if (h.Township != p.Township)
            throw RuleViolation.Unprocessable("link-outside-township", $"Household {h.Code} is of {h.Township}; the project is in {p.Township}.");
        var on = c.LinkedOn!.Value;
        if (!h.PoorOn(on))
            throw RuleViolation.Unprocessable("link-requires-poor-household", $"On {on:yyyy-MM-dd} household {h.Code} is not a poor household on the register.");
        if (p.LinkedNow.Contains(h.Id))
            throw RuleViolation.Conflict("household-already-linked", $"Household {h.Code} is already linked to this project.");
        CheckDate(on, ctx);
        NotBefore(on, p.Approval!.ApprovedOn, "the project's approval");
        return new BenefitLinked(p.Id, linkId, h.Ref, c.Kind!.Value, c.ExpectedAnnualBenefit!.Value, c.Note?.Trim(), on, ctx.By, ctx.Now);
    }

    public static BenefitLinkEnded EndLink(EndBenefitLink c, Project p, DecisionContext ctx)
    {
        new FieldErrors().Required("linkId", c.LinkId).Text("reason", c.Reason, 2000).Date("endedOn", c.EndedOn).ThrowIfAny();
        var link = p.Links.FirstOrDefault(l => l.LinkId == c.LinkId)
                   ?? throw RuleViolation.Unprocessable("link-not-found", $"The project has no link {c.LinkId}.");
        if (link.EndedOn is not null) throw RuleViolation.Conflict("link-already-ended", "The link has already ended.");
        CheckDate(c.EndedOn!.Value, ctx);
        NotBefore(c.EndedOn.Value, link.LinkedOn, "the link");
        return new BenefitLinkEnded(p.Id, link.LinkId, link.Household, c.Reason!.Trim(), c.EndedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>An income distribution naming each household (收益动态明细台账). Every recipient is on the register at
    /// the distribution date, poor or exited and monitored, and linked to the project on that date; a household is
    /// paid once per period; the shares add up to the household total to the fen (set one by one, or split by weight
    /// per status, largest remainder first). The collective's share goes into the village poverty fund of the
    /// project's village, which must be on the register. <paramref name="households"/>: the recipients found.</summary>
    public static (HouseholdIncomeDistributed Distributed, VillageFundReceived? ToVillageFund) Distribute(
        Guid distributionId, DistributeIncome c, Project p, IReadOnlyDictionary<Guid, Household> households, Village? village, DecisionContext ctx)
    {
        var recipients = c.Recipients ?? [];
        if (recipients.Any(r => r is null)) throw InvalidCommand.Field("recipients", "must not contain null entries.");
        var explicitAmounts = recipients.Count > 0 && recipients.All(r => r.Amount is not null);
        var errors = new FieldErrors().Text("period", c.Period, 50).Date("distributedOn", c.DistributedOn)
            .Required("householdTotal", c.HouseholdTotal).Required("collectiveAmount", c.CollectiveAmount)
            .OptionalText("ruleName", c.RuleName, 100);
        if (c.HouseholdTotal is { } h && h != 0) errors.Amount("householdTotal", h);
        if (c.CollectiveAmount is { } v && v != 0) errors.Amount("collectiveAmount", v);
        errors.When(c.HouseholdTotal is < 0, "householdTotal", "must not be negative.")
            .When(c.CollectiveAmount is < 0, "collectiveAmount", "must not be negative.")
            .When(c.HouseholdTotal is 0 && c.CollectiveAmount is 0, "householdTotal", "nothing to distribute: both shares are zero.")
            .When(c.HouseholdTotal > 0 && recipients.Count == 0, "recipients", "name every household that receives a share.")
            .When(c.HouseholdTotal is 0 && recipients.Count > 0, "recipients", "no household share to distribute.")
            .When(recipients.Count > MaxRecipients, "recipients", $"at most {MaxRecipients} households per distribution.")
            .When(recipients.Any(r => r.HouseholdId is null), "recipients", "every recipient names its householdId.")
            .When(recipients.Where(r => r.HouseholdId is not null).GroupBy(r => r.HouseholdId).Any(g => g.Count() > 1), "recipients", "a household is listed once.")
            .When(!explicitAmounts && recipients.Any(r => r.Amount is not null), "recipients", "give an amount for every recipient or for none (then shares are split by weight).")
            .When(!explicitAmounts && recipients.Count > 0 && (c.PoorWeight is null || c.ExitedWeight is null), "poorWeight",
                "without amounts per household, poorWeight and exitedWeight (the shares by household status) are required.")
            .When(c.PoorWeight is < 0 or > 100 || c.ExitedWeight is < 0 or > 100, "poorWeight", "weights are between 0 and 100.")
            .When(c.PoorWeight is 0 && c.ExitedWeight is 0, "poorWeight", "at least one weight must be positive.");
        foreach (var (r, i) in recipients.Select((r, i) => (r, i)))
            if (r.Amount is { } a) { if (Money.Problem(a) is { } problem) errors.Add($"recipients[{i}].amount", problem); }
        errors.ThrowIfAny();

        Industry(p);
        NotCancelled(p);
        InOperation(p);
        if (p.OperatingEntity is null)
            throw RuleViolation.Conflict("operating-entity-required", "Income is distributed by the operating entity; assign one first.");
        var on = c.DistributedOn!.Value;
        CheckDate(on, ctx);
        NotBefore(on, p.Acceptance!.SignedOn, "the acceptance sign-off");
        var period = c.Period!.Trim();

        var found = new List<(Household Household, HouseholdStatus Status, decimal? Amount)>();
        foreach (var r in recipients)
        {
            var id = r.HouseholdId!.Value;
            if (!households.TryGetValue(id, out var household) || household.StatusOn(on) is not { } status)
                throw RuleViolation.Unprocessable("recipient-not-registered", $"Household {id} is not on a village register on {on:yyyy-MM-dd}.");
            if (!Household.IsPoor(status))
                throw RuleViolation.Unprocessable("recipient-not-poor", $"Household {household.Code} is not a poor household on {on:yyyy-MM-dd}.");
            if (p.ActiveLink(id, on) is null)
                throw RuleViolation.Unprocessable("recipient-not-linked", $"Household {household.Code} is not linked to this project on {on:yyyy-MM-dd}.");
            if (p.PaidFor(period, id))
                throw RuleViolation.Conflict("household-already-paid-for-period", $"Household {household.Code} was already paid from this project for {period}.");
            found.Add((household, status, r.Amount));
        }

        var total = c.HouseholdTotal!.Value;
        IReadOnlyList<decimal> amounts;
        DistributionRule rule;
        if (explicitAmounts)
        {
            amounts = found.Select(f => f.Amount!.Value).ToList();
            if (amounts.Sum() != total)
                throw RuleViolation.Unprocessable("shares-do-not-add-up", $"The households' amounts add up to {amounts.Sum():0.00}; the household total is {total:0.00}.");
            rule = new DistributionRule(c.RuleName?.Trim() ?? "amounts per household", null, null);
        }
        else if (found.Count > 0)
        {
            var weights = found.Select(f => f.Status == HouseholdStatus.Poor ? c.PoorWeight!.Value : c.ExitedWeight!.Value).ToList();
            if (weights.Sum() == 0)
                throw RuleViolation.Unprocessable("no-weighted-recipient", "Every recipient has weight 0 under this rule; nothing can be shared.");
            amounts = Split(total, weights);
            rule = new DistributionRule(c.RuleName?.Trim() ?? "shares by household status", c.PoorWeight, c.ExitedWeight);
        }
        else
        {
            amounts = [];
            rule = new DistributionRule(c.RuleName?.Trim() ?? "collective only", null, null);
        }

        var collective = c.CollectiveAmount!.Value;
        if (collective > 0 && village is null)
            throw RuleViolation.Unprocessable("village-fund-requires-registered-village",
                $"The collective's share goes into the village poverty fund of {p.Township} {p.Village}, which is not on the county's register.");
        var shares = found.Select((f, i) => new HouseholdShare(f.Household.Ref, f.Status, amounts[i])).Where(s => s.Amount > 0).ToList();
        var distributed = new HouseholdIncomeDistributed(p.Id, distributionId, p.Ref, period, rule, shares, total, collective,
            collective > 0 ? village!.Id : null, on, ctx.By, ctx.Now);
        var fund = collective > 0 ? new VillageFundReceived(village!.Id, distributionId, p.Ref, period, collective, on, ctx.By, ctx.Now) : null;
        return (distributed, fund);
    }

    /// <summary>Splits <paramref name="total"/> by <paramref name="weights"/> to the fen: each share rounded down, the
    /// fens left given one each to the largest remainders (earlier recipients first on a tie). The shares add up to the total.</summary>
    public static IReadOnlyList<decimal> Split(decimal total, IReadOnlyList<decimal> weights)
    {
        var sum = weights.Sum();
        var fen = (long)(total * 100);
        var exact = weights.Select(w => fen * w / sum).ToList();
        var floors = exact.Select(x => (long)decimal.Floor(x)).ToArray();
        var left = fen - floors.Sum();
        foreach (var i in exact.Select((x, i) => (Remainder: x - decimal.Floor(x), Index: i)).OrderByDescending(x => x.Remainder).ThenBy(x => x.Index).Take((int)left).Select(x => x.Index))
            floors[i]++;
        return floors.Select(f => f / 100m).ToList();
    }
}
