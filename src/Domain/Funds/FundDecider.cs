using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;
using Funds.Domain.Projects;
using static Funds.Domain.Projects.ProjectStatus;

namespace Funds.Domain.Funds;

/// <summary>The money rules, as pure functions: every yuan comes from a source that received it,
/// through an allocation to an approved project, to a payee, and never more than allowed.</summary>
public static class FundDecider
{
    public const int VoucherMaxLength = 50;

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
        var on = c.RegisteredOn ?? ctx.Today;
        NotInFuture(on, ctx);
        return new FundSourceRegistered(id, c.Name!.Trim(), c.Kind!.Value, c.FiscalYear!.Value, c.DocumentRef!.Trim(), on, ctx.By, ctx.Now);
    }

    public static FundsReceived Receive(ReceiveFunds c, FundSource s, DecisionContext ctx)
    {
        new FieldErrors().Amount("amount", c.Amount).Text("documentRef", c.DocumentRef, 100).Date("receivedOn", c.ReceivedOn).ThrowIfAny();
        NotInFuture(c.ReceivedOn!.Value, ctx);
        NotBefore(c.ReceivedOn.Value, s.RegisteredOn, "the source's registration");
        return new FundsReceived(s.Id, c.Amount!.Value, c.DocumentRef!.Trim(), c.ReceivedOn.Value, ctx.By, ctx.Now);
    }

    public static FundsAllocated Allocate(Guid allocationId, AllocateFunds c, FundSource s, Project? p, DecisionContext ctx)
    {
        new FieldErrors().Required("projectId", c.ProjectId).Amount("amount", c.Amount).Text("documentRef", c.DocumentRef, 100)
            .Date("allocatedOn", c.AllocatedOn).ThrowIfAny();
        if (p is null)
            throw new RuleViolation("project-not-found", $"No project with id {c.ProjectId}.", RejectionKind.Unprocessable);
        if (p.Status is Registered or Cancelled)
            throw new RuleViolation("allocation-requires-approved-project",
                $"Funds are allocated only to approved projects; this one is {p.Status}.", RejectionKind.Conflict);
        if (c.Amount!.Value > s.Unallocated)
            throw Unprocessable("source-balance-exceeded",
                $"The source has {s.Unallocated:0.00} yuan received and not yet allocated; {c.Amount:0.00} cannot be allocated.");
        NotInFuture(c.AllocatedOn!.Value, ctx);
        NotBefore(c.AllocatedOn.Value, p.Approval!.ApprovedOn, "the project's approval");
        return new FundsAllocated(s.Id, allocationId, s.Ref, ProjectRef.Of(p), c.Amount.Value, c.DocumentRef!.Trim(), c.AllocatedOn.Value, ctx.By, ctx.Now);
    }

    public static AllocationReduced Reduce(ReduceAllocation c, FundSource s, Project? p, DecisionContext ctx)
    {
        new FieldErrors().Required("projectId", c.ProjectId).Amount("amount", c.Amount).Defined("change", c.Change)
            .Text("reason", c.Reason, 2000).Date("reducedOn", c.ReducedOn).ThrowIfAny();
        var allocation = s.AllocationFor(c.ProjectId!.Value);
        if (allocation is null || p is null)
            throw new RuleViolation("no-allocation", "This source has no allocation to that project.", RejectionKind.Conflict);
        if (c.Amount!.Value > allocation.Available)
            throw Unprocessable("allocation-below-disbursed",
                $"Only {allocation.Available:0.00} yuan of this allocation is not yet disbursed; it cannot be reduced by {c.Amount:0.00}.");
        NotInFuture(c.ReducedOn!.Value, ctx);
        NotBefore(c.ReducedOn.Value, allocation.FirstAllocatedOn, "the allocation");
        return new AllocationReduced(s.Id, s.Ref, ProjectRef.Of(p), c.Amount.Value, c.Change!.Value, c.Reason!.Trim(), c.ReducedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A disbursement: the payment in the project's stream and the draw on the allocation in
    /// the source's stream, saved together (see StreamCommands) so neither pot can be overspent.</summary>
    public static (FundsDisbursed Paid, AllocationDrawn Drawn) Disburse(Guid disbursementId, DisburseFunds c, Project p, FundSource? s, DecisionContext ctx)
    {
        var errors = new FieldErrors().Required("fundSourceId", c.FundSourceId).Amount("amount", c.Amount).Defined("kind", c.Kind)
            .Text("voucherNo", c.VoucherNo, VoucherMaxLength).Date("paidOn", c.PaidOn).OptionalText("payeeReason", c.PayeeReason);
        var otherPayee = c.PayeeName is not null || c.PayeeCreditCode is not null;
        if (otherPayee)
        {
            errors.Text("payeeName", c.PayeeName);
            if (!CreditCode.IsValid(c.PayeeCreditCode)) errors.Add("payeeCreditCode", "is not a valid 18-character unified social credit code (统一社会信用代码).");
        }
        errors.ThrowIfAny();

        if (p.Status == Cancelled)
            throw new RuleViolation("project-cancelled", "The project is cancelled; nothing can be paid for it.", RejectionKind.Conflict);
        if (p.Builder is null)
            throw new RuleViolation("disbursement-requires-contract", "Nothing is paid before a builder of record and contract amount exist.", RejectionKind.Conflict);
        if (s is null)
            throw Unprocessable("fund-source-not-found", $"No fund source with id {c.FundSourceId}.");
        var allocation = s.AllocationFor(p.Id);
        if (allocation is null)
            throw new RuleViolation("no-allocation", $"{s.Name} has no allocation to this project; allocate before paying.", RejectionKind.Conflict);

        var amount = c.Amount!.Value;
        if (amount > allocation.Available)
            throw Unprocessable("allocation-exceeded",
                $"{s.Name} has {allocation.Available:0.00} yuan allocated to this project and not yet disbursed; {amount:0.00} exceeds it.");
        var ceiling = p.PaymentCeiling!.Value;
        if (p.Disbursed + amount > ceiling)
            throw Unprocessable("contract-exceeded",
                $"{p.Disbursed:0.00} yuan is already paid; {amount:0.00} more would exceed the {(p.Settlement is null ? "contract" : "settled")} amount {ceiling:0.00}.");

        var signedOff = p.Status is Accepted or Settled;
        if (c.Kind == DisbursementKind.Final && !signedOff)
            throw new RuleViolation("final-payment-requires-sign-off",
                "The final settlement payment is made only after the village committee's acceptance sign-off.", RejectionKind.Conflict);
        if (!signedOff)
        {
            var cap = decimal.Round(p.Builder.ContractAmount * ctx.Rules.ProgressPaymentCap, 2, MidpointRounding.ToZero);
            if (p.Disbursed + amount > cap)
                throw Unprocessable("progress-cap-exceeded",
                    $"Before acceptance sign-off, progress payments may reach {ctx.Rules.ProgressPaymentCap:P0} of the contract ({cap:0.00}); {p.Disbursed:0.00} is paid and {amount:0.00} more would exceed it.");
        }

        var builder = p.Builder.Builder;
        var payee = otherPayee ? new Payee(c.PayeeName!.Trim(), c.PayeeCreditCode!) : new Payee(builder.Name, builder.CreditCode);
        if (payee.CreditCode != builder.CreditCode && string.IsNullOrWhiteSpace(c.PayeeReason))
            throw new InvalidCommand(new Dictionary<string, string[]>
            {
                ["payeeReason"] = ["is required when the payee is not the builder of record."],
            });

        var paidOn = c.PaidOn!.Value;
        NotInFuture(paidOn, ctx);
        NotBefore(paidOn, allocation.FirstAllocatedOn, "the allocation");

        var paid = new FundsDisbursed(p.Id, disbursementId, s.Ref, ProjectRef.Of(p), amount, c.Kind!.Value, payee,
            c.PayeeReason?.Trim(), c.VoucherNo!.Trim(), paidOn, ctx.By, ctx.Now);
        var drawn = new AllocationDrawn(s.Id, disbursementId, p.Id, amount, paidOn, ctx.By, ctx.Now);
        return (paid, drawn);
    }

    private static RuleViolation Unprocessable(string rule, string message) => new(rule, message, RejectionKind.Unprocessable);
}
