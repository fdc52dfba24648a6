using Funds.Domain.Common;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Projects;

// No layered subcontracting (严禁层层转包), and four eyes on money that leaves the normal path: a payment to anyone but
// the builder of record or a declared subcontractor, or above the county's four-eyes amount, needs a payment exception
// asked for by one finance user and approved by another.
public static partial class ProjectDecider
{
    public static SubcontractDeclared Subcontract(Guid id, DeclareSubcontract c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Text("subcontractorName", c.SubcontractorName).CreditCode("creditCode", c.CreditCode)
            .Text("scope", c.Scope, 1000).Amount("amount", c.Amount).Date("declaredOn", c.DeclaredOn)
            .When(c.ContractorCreditCode is not null && !CreditCode.IsValid(c.ContractorCreditCode), "contractorCreditCode", "is not a valid unified social credit code.")
            .ThrowIfAny();
        Open(s);
        if (s.Builder is null)
            throw Conflict("subcontract-requires-builder", "Only a builder of record can subcontract; select the builder first.");
        var builder = s.Builder.Builder;
        var contractor = c.ContractorCreditCode ?? builder.CreditCode;
        if (s.Subcontracts.Any(x => x.Subcontractor.CreditCode == contractor))
            throw Unprocessable("layered-subcontracting",
                "A subcontractor may not subcontract again: layered subcontracting is forbidden (严禁项目施工层层转包).");
        if (contractor != builder.CreditCode)
            throw Unprocessable("unknown-contractor", "Only the builder of record subcontracts; the contractor named is not it.");
        if (c.CreditCode == builder.CreditCode || s.Subcontracts.Any(x => x.Subcontractor.CreditCode == c.CreditCode))
            throw Unprocessable("subcontractor-already-on-project", "That company is already the builder of record or a declared subcontractor.");
        var total = s.Subcontracts.Sum(x => x.Amount) + c.Amount!.Value;
        if (total > s.Builder.ContractAmount)
            throw Unprocessable("subcontracts-exceed-contract",
                $"Subcontracts would total {total:0.00} yuan, more than the contract amount {s.Builder.ContractAmount:0.00}.");
        CheckDate(c.DeclaredOn!.Value, ctx);
        NotBefore(c.DeclaredOn.Value, s.Builder.SelectedOn, "the builder's selection");
        return new SubcontractDeclared(s.Id, id, new Builder(c.SubcontractorName!.Trim(), c.CreditCode!), c.Scope!.Trim(), c.Amount.Value,
            c.DeclaredOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A payee named in a command: both its name and credit code, or neither (the builder of record is paid).</summary>
    private static FieldErrors PayeeFields(this FieldErrors errors, string? name, string? creditCode)
        => name is null && creditCode is null ? errors : errors.Text("payeeName", name).CreditCode("payeeCreditCode", creditCode);

    /// <summary>Who is paid: the payee named, or else the builder of record.</summary>
    private static Payee PayeeOf(Project p, string? name, string? creditCode)
        => name is not null || creditCode is not null ? new Payee(name!.Trim(), creditCode!) : new Payee(p.Builder!.Builder.Name, p.Builder.Builder.CreditCode);

    private static PaymentException ExceptionOf(Project p, Guid id)
        => p.PaymentExceptions.FirstOrDefault(e => e.Id == id) ?? throw Unprocessable("payment-exception-not-found", $"The project has no payment exception {id}.");

    /// <summary>Why a payment of <paramref name="amount"/> to <paramref name="payee"/> leaves the normal path (empty: it does not).</summary>
    public static IReadOnlyList<PaymentExceptionGround> GroundsFor(Project p, Payee payee, decimal amount, CountyPolicy policy)
    {
        var grounds = new List<PaymentExceptionGround>();
        var normalPayee = payee.CreditCode == p.Builder?.Builder.CreditCode || p.Subcontracts.Any(x => x.Subcontractor.CreditCode == payee.CreditCode);
        if (!normalPayee) grounds.Add(PaymentExceptionGround.OtherPayee);
        if (policy.FourEyesAmount > 0 && amount > policy.FourEyesAmount) grounds.Add(PaymentExceptionGround.AboveFourEyesAmount);
        return grounds;
    }

    public static PaymentExceptionRequested RequestException(Guid id, RequestPaymentException c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Amount("amount", c.Amount).Text("reason", c.Reason, 2000).Date("requestedOn", c.RequestedOn)
            .PayeeFields(c.PayeeName, c.PayeeCreditCode).ThrowIfAny();
        NotCancelled(s, "The project is cancelled; nothing can be paid for it.");
        if (s.Builder is null)
            throw Conflict("disbursement-requires-contract", "Nothing is paid before a builder of record and contract amount exist.");
        var payee = PayeeOf(s, c.PayeeName, c.PayeeCreditCode);
        var grounds = GroundsFor(s, payee, c.Amount!.Value, ctx.Policy);
        if (grounds.Count == 0)
            throw Unprocessable("payment-exception-not-needed",
                "A payment to the builder of record or a declared subcontractor within the four-eyes amount needs no exception.");
        CheckDate(c.RequestedOn!.Value, ctx);
        return new PaymentExceptionRequested(s.Id, id, payee, c.Amount.Value, grounds, c.Reason!.Trim(), c.RequestedOn.Value, ctx.By, ctx.Now);
    }

    public static PaymentExceptionApproved ApproveException(ApprovePaymentException c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Required("exceptionId", c.ExceptionId).Date("approvedOn", c.ApprovedOn).ThrowIfAny();
        var x = ExceptionOf(s, c.ExceptionId!.Value);
        if (x.ApprovedBy is not null)
            throw Conflict("payment-exception-already-approved", "The payment exception is already approved.");
        if (x.RequestedBy.Subject == ctx.By.Subject)
            throw RuleViolation.Forbidden("four-eyes", "A payment exception is approved by a second finance user, not by the one who asked for it.");
        CheckDate(c.ApprovedOn!.Value, ctx);
        NotBefore(c.ApprovedOn.Value, x.RequestedOn, "the request");
        return new PaymentExceptionApproved(s.Id, x.Id, c.ApprovedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>The approved, unused exception a payment off the normal path must name (null: the payment is on it).</summary>
    private static PaymentException? OffTheNormalPath(DisburseFunds c, Project p, Payee payee, decimal amount, DecisionContext ctx)
    {
        var grounds = GroundsFor(p, payee, amount, ctx.Policy);
        if (grounds.Count == 0) return null;
        var why = grounds.Contains(PaymentExceptionGround.OtherPayee)
            ? $"{payee.Name} is neither the builder of record nor a declared subcontractor"
            : $"{amount:0.00} yuan is above the four-eyes amount {ctx.Policy.FourEyesAmount:0.00} (county policy)";
        if (c.PaymentExceptionId is not { } id)
            throw Unprocessable("payment-exception-required",
                $"{why}: the payment needs a payment exception asked for by one finance user and approved by another (paymentExceptionId).");
        var x = ExceptionOf(p, id);
        if (x.ApprovedBy is null)
            throw Conflict("payment-exception-not-approved", "The payment exception awaits a second finance user's approval.");
        if (x.DisbursementId is not null)
            throw Conflict("payment-exception-used", "The payment exception was already used by a payment.");
        if (x.Payee.CreditCode != payee.CreditCode || amount > x.Amount)
            throw Unprocessable("payment-exception-mismatch",
                $"The exception covers {x.Amount:0.00} yuan to {x.Payee.Name} ({x.Payee.CreditCode}); this payment is {amount:0.00} to {payee.Name} ({payee.CreditCode}).");
        return x;
    }
}
