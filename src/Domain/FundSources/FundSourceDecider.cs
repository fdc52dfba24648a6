using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.Domain.Households;
using static Funds.Domain.Common.BusinessDates;
using static Funds.Domain.Projects.ProjectStatus;

namespace Funds.Domain.FundSources;

/// <summary>The rules of a fund source, as pure functions: money is allocated only from what was received,
/// only to approved projects, and an allocation is never reduced below what was paid from it.</summary>
public static class FundSourceDecider
{
    public static FundSourceRegistered Register(Guid id, RegisterFundSource c, DecisionContext ctx)
    {
        new FieldErrors()
            .Text("name", c.Name)
            .Defined("kind", c.Kind)
            .Required("fiscalYear", c.FiscalYear)
            .When(c.FiscalYear is < 2000 or > 2100, "fiscalYear", "must be between 2000 and 2100.")
            .Text("documentRef", c.DocumentRef, 100)
            .When(c.RegisteredOn is { } d && (d.Year < 2000 || d.Year > 2100), "registeredOn", "must be between 2000 and 2100.")
            .ThrowIfAny();
        if (c.Kind == FundSourceKind.MicroCredit) throw MicroCredit.IsHouseholdLoans();
        var on = c.RegisteredOn ?? ctx.Today;
        CheckDate(on, ctx);
        return new FundSourceRegistered(id, c.Name!.Trim(), c.Kind!.Value, c.FiscalYear!.Value, c.DocumentRef!.Trim(), on, ctx.By, ctx.Now);
    }

    public static FundsReceived Receive(ReceiveFunds c, FundSource s, DecisionContext ctx)
    {
        new FieldErrors().Amount("amount", c.Amount).Text("documentRef", c.DocumentRef, 100).Date("receivedOn", c.ReceivedOn).ThrowIfAny();
        CheckDate(c.ReceivedOn!.Value, ctx);
        NotBefore(c.ReceivedOn.Value, s.RegisteredOn, "the source's registration");
        return new FundsReceived(s.Id, c.Amount!.Value, c.DocumentRef!.Trim(), c.ReceivedOn.Value, ctx.By, ctx.Now);
    }

    public static FundsAllocated Allocate(Guid allocationId, AllocateFunds c, FundSource s, Project? p, DecisionContext ctx)
    {
        new FieldErrors().Required("projectId", c.ProjectId).Amount("amount", c.Amount).Text("documentRef", c.DocumentRef, 100)
            .Date("allocatedOn", c.AllocatedOn).ThrowIfAny();
        if (p is null)
            throw RuleViolation.Unprocessable("project-not-found", $"No project with id {c.ProjectId}.");
        if (s.Kind == FundSourceKind.MicroCredit) throw MicroCredit.IsHouseholdLoans();
        if (p.Status is Registered or Cancelled)
            throw RuleViolation.Conflict("allocation-requires-approved-project", $"Funds are allocated only to approved projects; this one is {p.Status}.");
        if (c.Amount!.Value > s.Unallocated)
            throw RuleViolation.Unprocessable("source-balance-exceeded",
                $"The source has {s.Unallocated:0.00} yuan received and not yet allocated; {c.Amount:0.00} cannot be allocated.");
        CheckDate(c.AllocatedOn!.Value, ctx);
        NotBefore(c.AllocatedOn.Value, p.Approval!.ApprovedOn, "the project's approval");
        return new FundsAllocated(s.Id, allocationId, s.Ref, p.Ref, c.Amount.Value, c.DocumentRef!.Trim(), c.AllocatedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>Reduce (调减) or reclaim (收回) what of an allocation the project has not been paid.</summary>
    public static AllocationReduced Reduce(ReduceAllocation c, FundSource s, Project? p, DecisionContext ctx)
    {
        new FieldErrors().Required("projectId", c.ProjectId).Amount("amount", c.Amount).Defined("change", c.Change)
            .Text("reason", c.Reason, 2000).Date("reducedOn", c.ReducedOn).ThrowIfAny();
        var allocation = s.AllocationFor(c.ProjectId!.Value);
        if (allocation is null || p is null)
            throw RuleViolation.Conflict("no-allocation", "This source has no allocation to that project.");
        var available = allocation.Allocated - p.PaidFrom(s.Id);
        if (c.Amount!.Value > available)
            throw RuleViolation.Unprocessable("allocation-below-disbursed",
                $"Only {available:0.00} yuan of this allocation is not yet disbursed; it cannot be reduced by {c.Amount:0.00}.");
        CheckDate(c.ReducedOn!.Value, ctx);
        NotBefore(c.ReducedOn.Value, allocation.FirstAllocatedOn, "the allocation");
        return new AllocationReduced(s.Id, s.Ref, p.Ref, c.Amount.Value, c.Change!.Value, c.Reason!.Trim(), c.ReducedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>An interest subsidy (贴息) on a household's loan: from what the source received and has not allocated,
    /// for a loan that was issued, once per loan and period, not above the loan amount.</summary>
    public static InterestSubsidyPaid PaySubsidy(Guid subsidyId, PayInterestSubsidy c, FundSource s, Household? h, bool periodPaid, bool voucherInUse, DecisionContext ctx)
    {
        new FieldErrors().Required("householdId", c.HouseholdId).Required("loanId", c.LoanId).Text("period", c.Period, 50)
            .Amount("amount", c.Amount).Text("voucherNo", c.VoucherNo, ProjectDecider.VoucherMaxLength).Date("paidOn", c.PaidOn).ThrowIfAny();
        if (voucherInUse)
            throw Uniqueness.Number("voucher", c.VoucherNo!.Trim());
        var loan = h?.LoanOf(c.LoanId!.Value)
                   ?? throw RuleViolation.Unprocessable("loan-not-found", $"No loan {c.LoanId} of household {c.HouseholdId}.");
        if (periodPaid)
            throw RuleViolation.Conflict("subsidy-already-paid", $"The interest subsidy of loan {loan.ContractNo} for {c.Period!.Trim()} is already paid.");
        if (c.Amount!.Value > loan.Amount)
            throw RuleViolation.Unprocessable("subsidy-exceeds-loan", $"An interest subsidy of {c.Amount:0.00} exceeds the loan of {loan.Amount:0.00}.");
        if (c.Amount.Value > s.Unallocated)
            throw RuleViolation.Unprocessable("source-balance-exceeded",
                $"The source has {s.Unallocated:0.00} yuan received and not yet allocated or paid; {c.Amount:0.00} cannot be paid from it.");
        CheckDate(c.PaidOn!.Value, ctx);
        NotBefore(c.PaidOn.Value, loan.IssuedOn, "the loan's issue");
        return new InterestSubsidyPaid(s.Id, subsidyId, s.Ref, h!.Ref, loan.LoanId, c.Period!.Trim(), c.Amount.Value, c.VoucherNo!.Trim(),
            c.PaidOn.Value, ctx.By, ctx.Now);
    }
}
