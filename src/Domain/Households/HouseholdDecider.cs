using System.Text.RegularExpressions;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using static Funds.Domain.Common.BusinessDates;

namespace Funds.Domain.Households;

/// <summary>The rules of the household register and of household loans, as pure functions.</summary>
public static partial class HouseholdDecider
{
    [GeneratedRegex("^[0-9A-Za-z-]{4,40}$")]
    private static partial Regex CodePattern();

    /// <summary>Register a household in a registered village: code unique in the county, head's name, identity
    /// number valid (GB 11643) and not on another household of the county, size and members able to work, status.</summary>
    public static HouseholdRegistered Register(Guid id, RegisterHousehold c, Village? village, bool codeInUse, bool identityInUse,
        ProtectedIdentity? identity, DecisionContext ctx)
    {
        new FieldErrors()
            .Text("code", c.Code, 40)
            .When(c.Code is not null && !CodePattern().IsMatch(c.Code.Trim()), "code", "must be 4 to 40 letters, digits or '-'.")
            .Text("headName", c.HeadName, 50)
            .When(!string.IsNullOrWhiteSpace(c.HeadName) && PlaceNames.Problem(c.HeadName) is not null, "headName", "must not contain invisible or look-alike characters.")
            .When(!IdentityNumbers.IsValid(c.IdentityNumber?.Trim()), "identityNumber", "must be a valid 18-character resident identity number (GB 11643).")
            .Required("size", c.Size)
            .When(c.Size is < 1 or > 30, "size", "must be between 1 and 30.")
            .Required("labourMembers", c.LabourMembers)
            .When(c.LabourMembers < 0 || c.LabourMembers > c.Size, "labourMembers", "must be between 0 and the household's size.")
            .Defined("status", c.Status)
            .Date("effectiveOn", c.EffectiveOn)
            .ThrowIfAny();
        VillageDecider.Names(c.Township, c.Village);
        VillageDecider.RequireRegistered(c.Township!, c.Village!, village, ctx);
        if (codeInUse)
            throw Uniqueness.HouseholdCode(c.Code!.Trim());
        if (identityInUse)
            throw Uniqueness.Identity();
        CheckDate(c.EffectiveOn!.Value, ctx);
        var protectedId = identity ?? throw new InvalidOperationException("The identity number must be protected before it is decided on.");
        return new HouseholdRegistered(id, c.Code!.Trim(), PlaceNames.Normalize(c.Township!), PlaceNames.Normalize(c.Village!), PlaceNames.Normalize(c.HeadName!),
            protectedId.Hash, protectedId.Masked, c.Size!.Value, c.LabourMembers!.Value, c.Status!.Value, c.EffectiveOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A status change takes effect on a date not before the household's last change (it may be recorded later).</summary>
    public static HouseholdStatusChanged ChangeStatus(ChangeHouseholdStatus c, Household h, DecisionContext ctx)
    {
        new FieldErrors().Defined("status", c.Status).Text("reason", c.Reason, 2000).Date("effectiveOn", c.EffectiveOn).ThrowIfAny();
        if (c.Status == h.Status)
            throw RuleViolation.Conflict("household-status-unchanged", $"The household already has the status {h.Status}.");
        CheckDate(c.EffectiveOn!.Value, ctx);
        NotBefore(c.EffectiveOn.Value, h.Statuses[^1].From, "the household's last status change");
        return new HouseholdStatusChanged(h.Id, c.Status!.Value, c.Reason!.Trim(), c.EffectiveOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A poverty micro-credit loan (扶贫小额信贷): to a poor (or exited, monitored) household at the issue date
    /// with no loan overdue ("无不良记录"); amount and term within county policy; a linked project must be an industry
    /// project of the household's township.</summary>
    public static LoanIssued Issue(Guid loanId, IssueLoan c, Household h, Project? project, DecisionContext ctx)
    {
        new FieldErrors().Text("bank", c.Bank, 100).Text("contractNo", c.ContractNo, 50).Amount("amount", c.Amount)
            .Required("termMonths", c.TermMonths).When(c.TermMonths is < 1, "termMonths", "must be at least 1.")
            .Text("purpose", c.Purpose, 200).Date("issuedOn", c.IssuedOn).ThrowIfAny();
        if (c.Amount > ctx.Policy.MaxLoanAmount)
            throw RuleViolation.Unprocessable("loan-above-limit", $"A poverty micro-credit loan is at most {ctx.Policy.MaxLoanAmount:0.00} yuan (county policy); {c.Amount:0.00} asked.");
        if (c.TermMonths > ctx.Policy.MaxLoanTermMonths)
            throw RuleViolation.Unprocessable("loan-term-too-long", $"A poverty micro-credit loan runs at most {ctx.Policy.MaxLoanTermMonths} months (county policy).");
        var on = c.IssuedOn!.Value;
        if (!h.PoorOn(on))
            throw RuleViolation.Unprocessable("loan-requires-poor-household", $"On {on:yyyy-MM-dd} household {h.Code} is not a poor household on the register.");
        if (h.Loans.FirstOrDefault(l => l.Status == LoanStatus.Overdue) is { } bad)
            throw RuleViolation.Conflict("household-has-overdue-loan", $"Household {h.Code} has an overdue loan ({bad.ContractNo}); no new loan until it is settled.");
        if (c.ProjectId is not null)
        {
            if (project is null) throw RuleViolation.Unprocessable("project-not-found", $"No project with id {c.ProjectId}.");
            if (project.Kind != ProjectKind.Industry || project.Township != h.Township)
                throw RuleViolation.Unprocessable("loan-project-not-industry", "A loan is linked only to an industry project of the household's township.");
        }
        CheckDate(on, ctx);
        NotBefore(on, h.RegisteredOn, "the household's registration");
        return new LoanIssued(h.Id, loanId, c.Bank!.Trim(), c.ContractNo!.Trim(), c.Amount!.Value, c.TermMonths!.Value, c.Purpose!.Trim(),
            project?.Id, project?.Name, on, on.AddMonths(c.TermMonths.Value), ctx.By, ctx.Now);
    }

    public static LoanRepaid Repay(RepayLoan c, Household h, DecisionContext ctx)
    {
        new FieldErrors().Required("loanId", c.LoanId).Amount("amount", c.Amount).Date("repaidOn", c.RepaidOn).ThrowIfAny();
        var loan = Open(h, c.LoanId!.Value);
        if (c.Amount!.Value > loan.Outstanding)
            throw RuleViolation.Unprocessable("repayment-exceeds-outstanding", $"{loan.Outstanding:0.00} yuan is outstanding; {c.Amount:0.00} cannot be repaid.");
        CheckDate(c.RepaidOn!.Value, ctx);
        NotBefore(c.RepaidOn.Value, loan.IssuedOn, "the loan's issue");
        return new LoanRepaid(h.Id, loan.LoanId, c.Amount.Value, c.RepaidOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>An extension (展期): before the loan falls due, to a later date, at most as often as county policy allows.</summary>
    public static LoanExtended Extend(ExtendLoan c, Household h, DecisionContext ctx)
    {
        new FieldErrors().Required("loanId", c.LoanId).Date("newDueOn", c.NewDueOn).Text("reason", c.Reason, 2000).Date("extendedOn", c.ExtendedOn).ThrowIfAny();
        var loan = Open(h, c.LoanId!.Value);
        if (loan.Status == LoanStatus.Overdue || c.ExtendedOn > loan.DueOn)
            throw RuleViolation.Conflict("loan-extension-after-due", "A loan is extended before it falls due, not once it is overdue.");
        if (loan.Extensions >= ctx.Policy.MaxLoanExtensions)
            throw RuleViolation.Unprocessable("loan-extensions-exhausted", $"A loan may be extended at most {ctx.Policy.MaxLoanExtensions} time(s) (county policy).");
        if (c.NewDueOn <= loan.DueOn)
            throw InvalidCommand.Field("newDueOn", $"must be after the current due date {loan.DueOn:yyyy-MM-dd}.");
        CheckDate(c.ExtendedOn!.Value, ctx);
        NotBefore(c.ExtendedOn.Value, loan.IssuedOn, "the loan's issue");
        return new LoanExtended(h.Id, loan.LoanId, c.NewDueOn!.Value, c.Reason!.Trim(), c.ExtendedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>The bank reports a loan overdue: only after its due date, with money outstanding, once.</summary>
    public static LoanOverdue ReportOverdue(ReportLoanOverdue c, Household h, DecisionContext ctx)
    {
        new FieldErrors().Required("loanId", c.LoanId).Date("reportedOn", c.ReportedOn).ThrowIfAny();
        var loan = Open(h, c.LoanId!.Value);
        if (loan.Status == LoanStatus.Overdue)
            throw RuleViolation.Conflict("loan-already-overdue", "The loan is already reported overdue.");
        if (c.ReportedOn <= loan.DueOn)
            throw RuleViolation.Conflict("loan-not-due", $"The loan falls due on {loan.DueOn:yyyy-MM-dd}; it cannot be overdue before.");
        CheckDate(c.ReportedOn!.Value, ctx);
        return new LoanOverdue(h.Id, loan.LoanId, loan.Outstanding, c.ReportedOn.Value, ctx.By, ctx.Now);
    }

    private static Loan Open(Household h, Guid loanId)
    {
        var loan = h.LoanOf(loanId) ?? throw RuleViolation.Unprocessable("loan-not-found", $"Household {h.Code} has no loan {loanId}.");
        if (loan.Status == LoanStatus.Repaid) throw RuleViolation.Conflict("loan-repaid", "The loan is repaid in full.");
        return loan;
    }
}
