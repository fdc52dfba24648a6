using Funds.Domain.Common;
using Funds.Domain.Villages;
using static Funds.Domain.Common.BusinessDates;
using static Funds.Domain.Projects.ProjectStatus;

namespace Funds.Domain.Projects;

/// <summary>Every rule of a project's life, as pure functions: a command and the current state
/// in, the events to append out — or a <see cref="RuleViolation"/> naming the rule broken.</summary>
public static partial class ProjectDecider
{
    public const int VoucherMaxLength = 50;

    /// <summary>Register a project in a village of the county's register (<paramref name="village"/>: the village
    /// the command names, null when it is not registered).</summary>
    public static ProjectRegistered Register(Guid id, RegisterProject c, Village? village, DecisionContext ctx)
    {
        var category = ProjectCategories.Find(c.Category);
        new FieldErrors()
            .Defined("kind", c.Kind)
            .Text("category", c.Category, 50)
            .When(c.Category is not null && category is null, "category",
                $"must be one of: {string.Join(", ", ProjectCategories.All.Select(x => x.Code))}.")
            .When(category is not null && c.Kind is not null && category.Kind != c.Kind, "category",
                $"'{c.Category}' is a category of {category?.Kind} projects.")
            .Text("name", c.Name)
            .Text("township", c.Township, 50)
            .Text("village", c.Village, 50)
            .Required("planYear", c.PlanYear)
            .When(c.PlanYear is < 2000 or > 2100, "planYear", "must be between 2000 and 2100.")
            .When(c.RegisteredOn is { } d && (d.Year < 2000 || d.Year > 2100), "registeredOn", "must be between 2000 and 2100.")
            .ThrowIfAny();
        VillageDecider.Names(c.Township, c.Village);
        VillageDecider.RequireRegistered(c.Township!, c.Village!, village, ctx);

        var registeredOn = c.RegisteredOn ?? ctx.Today;
        CheckDate(registeredOn, ctx);
        return new ProjectRegistered(id, c.Kind!.Value, c.Category!, c.Name!.Trim(), PlaceNames.Normalize(c.Township!), PlaceNames.Normalize(c.Village!),
            c.PlanYear!.Value, registeredOn, ctx.By, ctx.Now);
    }

    public static object[] Decide(IProjectCommand command, Project state, DecisionContext ctx) => command switch
    {
        ApproveProject c => [Approve(c, state, ctx)],
        SelectBuilder c => [Select(c, state, ctx)],
        ChangeBuilder c => [Change(c, state, ctx)],
        StartConstruction c => [Start(c, state, ctx)],
        CompleteConstruction c => [Complete(c, state, ctx)],
        SignOffAcceptance c => [SignOff(c, state, ctx)],
        RefuseAcceptance c => [Refuse(c, state, ctx)],
        SettleProject c => [Settle(c, state, ctx)],
        CancelProject c => [Cancel(c, state, ctx)],
        AssignOperatingEntity c => [AssignEntity(c, state, ctx)],
        RecordReview c => [Review(c, state, ctx)],
        ScreenProject c => [Screen(c, state, ctx)],
        AssessProject c => [Assess(c, state, ctx)],
        ApprovePaymentException c => [ApproveException(c, state, ctx)],
        HandOverAsset c => [HandOver(c, state, ctx)],
        CheckAssetUpkeep c => [CheckUpkeep(c, state, ctx)],
        CloseDangerousHouse c => [CloseHouse(c, state, ctx)],
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown project command."),
    };

    public static ProjectApproved Approve(ApproveProject c, Project s, DecisionContext ctx)
    {
        ApproverInPolicy(ctx, s, c.ApprovedBudget);
        new FieldErrors()
            .Text("approvalDocumentNo", c.ApprovalDocumentNo, 100)
            .Amount("approvedBudget", c.ApprovedBudget)
            .Text("approvedBy", c.ApprovedBy, 100)
            .Date("approvedOn", c.ApprovedOn)
            .ThrowIfAny();
        Open(s);
        if (s.Status != Registered)
            throw Conflict("already-approved", "The project is already approved; an approval is recorded once.");
        ScreenedAndAssessed(s);
        Dated(c.ApprovedOn!.Value, s, ctx);
        return new ProjectApproved(s.Id, c.ApprovalDocumentNo!.Trim(), c.ApprovedBudget!.Value, c.ApprovedBy!.Trim(),
            c.ApprovedOn.Value, ctx.By, ctx.Now, s.Assessment!.PlannedFunding);
    }

    public static BuilderSelected Select(SelectBuilder c, Project s, DecisionContext ctx)
    {
        ValidateBuilder(c.BuilderName, c.CreditCode, c.Method, c.Reference, c.ContractAmount).Date("selectedOn", c.SelectedOn).ThrowIfAny();
        Open(s);
        if (s.Status == Registered)
            throw Conflict("builder-requires-approval", "A builder can be selected only after the project is approved.");
        if (s.Builder is not null)
            throw Conflict("builder-already-selected", "The project has a builder of record; a change of builder is its own command with a reason.");
        CheckContract(c.Method!.Value, c.ContractAmount!.Value, s, ctx);
        Dated(c.SelectedOn!.Value, s, ctx);
        return new BuilderSelected(s.Id, new Builder(c.BuilderName!.Trim(), c.CreditCode!), c.Method.Value, c.Reference!.Trim(),
            c.ContractAmount.Value, c.SelectedOn.Value, ctx.By, ctx.Now);
    }

    public static BuilderChanged Change(ChangeBuilder c, Project s, DecisionContext ctx)
    {
        ValidateBuilder(c.BuilderName, c.CreditCode, c.Method, c.Reference, c.ContractAmount)
            .Text("reason", c.Reason, 2000).Date("changedOn", c.ChangedOn).ThrowIfAny();
        Open(s);
        if (s.Builder is null)
            throw Conflict("no-builder-to-change", "The project has no builder of record yet; select one first.");
        if (s.Status is not (BuilderChosen or UnderConstruction or Rectifying))
            throw Conflict("builder-change-closed", $"The builder cannot be changed once the project is {s.Status}.");
        if (s.Builder.Builder.CreditCode == c.CreditCode)
            throw Unprocessable("same-builder", "The new builder is already the builder of record.");
        CheckContract(c.Method!.Value, c.ContractAmount!.Value, s, ctx);
        CheckDate(c.ChangedOn!.Value, ctx);
        NotBefore(c.ChangedOn.Value, s.Builder.SelectedOn, "the current builder's selection");
        return new BuilderChanged(s.Id, new Builder(c.BuilderName!.Trim(), c.CreditCode!), c.Method.Value, c.Reference!.Trim(),
            c.ContractAmount.Value, c.Reason!.Trim(), c.ChangedOn.Value, ctx.By, ctx.Now);
    }

    public static ConstructionStarted Start(StartConstruction c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Date("startedOn", c.StartedOn).ThrowIfAny();
        Open(s);
        if (s.Status != BuilderChosen)
            throw s.Status is Registered or Approved
                ? Conflict("start-requires-builder", "Construction can start only after a builder is selected.")
                : Conflict("already-started", "Construction has already started.");
        Dated(c.StartedOn!.Value, s, ctx);
        return new ConstructionStarted(s.Id, c.StartedOn.Value, ctx.By, ctx.Now);
    }

    public static ConstructionCompleted Complete(CompleteConstruction c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Date("completedOn", c.CompletedOn).ThrowIfAny();
        Open(s);
        if (s.Status is not (UnderConstruction or Rectifying))
            throw s.Status is Registered or Approved or BuilderChosen
                ? Conflict("completion-requires-start", "Completion can be reported only after construction has started.")
                : Conflict("already-completed", "Completion is already reported; it can be re-reported only after a refused acceptance.");
        Dated(c.CompletedOn!.Value, s, ctx);
        return new ConstructionCompleted(s.Id, c.CompletedOn.Value, s.Status == Rectifying, ctx.By, ctx.Now);
    }

    public static AcceptanceSignedOff SignOff(SignOffAcceptance c, Project s, DecisionContext ctx)
    {
        Signatories(new FieldErrors(), c.Signatories).Date("signedOn", c.SignedOn).ThrowIfAny();
        Open(s);
        RequireCompleted(s, "sign-off-requires-completion", "The village committee can sign off acceptance only after completion is reported.");
        Dated(c.SignedOn!.Value, s, ctx);
        return new AcceptanceSignedOff(s.Id, Clean(c.Signatories!), c.SignedOn.Value, ctx.By, ctx.Now);
    }

    public static AcceptanceRefused Refuse(RefuseAcceptance c, Project s, DecisionContext ctx)
    {
        Signatories(new FieldErrors(), c.Signatories).Text("reasons", c.Reasons, 4000).Date("refusedOn", c.RefusedOn).ThrowIfAny();
        Open(s);
        RequireCompleted(s, "refusal-requires-completion", "Acceptance can be refused only after completion is reported.");
        Dated(c.RefusedOn!.Value, s, ctx);
        return new AcceptanceRefused(s.Id, c.Reasons!.Trim(), Clean(c.Signatories!), c.RefusedOn.Value, ctx.By, ctx.Now);
    }

    public static ProjectSettled Settle(SettleProject c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Amount("settledAmount", c.SettledAmount).Date("settledOn", c.SettledOn).ThrowIfAny();
        Open(s);
        if (s.Status != Accepted)
            throw Conflict("settlement-requires-sign-off",
                "A project is settled only on the village committee's signed acceptance (竣工验收签字), which it does not have.");
        if (c.SettledAmount!.Value > s.Builder!.ContractAmount)
            throw Unprocessable("settlement-exceeds-contract",
                $"The settled amount {c.SettledAmount:0.00} exceeds the contract amount {s.Builder.ContractAmount:0.00}.");
        if (c.SettledAmount.Value < s.Disbursed)
            throw Unprocessable("settlement-below-paid",
                $"{s.Disbursed:0.00} yuan is already paid for the project; it cannot be settled at {c.SettledAmount:0.00}, which would leave an overpayment nothing recovers: settle at no less than what was paid.");
        Dated(c.SettledOn!.Value, s, ctx);
        return new ProjectSettled(s.Id, c.SettledAmount.Value, c.SettledOn.Value, ctx.By, ctx.Now);
    }

    public static ProjectCancelled Cancel(CancelProject c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Text("reason", c.Reason, 2000).Date("cancelledOn", c.CancelledOn).ThrowIfAny();
        Open(s);
        CheckDate(c.CancelledOn!.Value, ctx);
        NotBefore(c.CancelledOn.Value, s.LastStepOn, "the previous step");
        return new ProjectCancelled(s.Id, c.Reason!.Trim(), c.CancelledOn.Value, ctx.By, ctx.Now);
    }

    public static OperatingEntityAssigned AssignEntity(AssignOperatingEntity c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Text("name", c.Name).CreditCode("creditCode", c.CreditCode).Date("assignedOn", c.AssignedOn).ThrowIfAny();
        Industry(s);
        NotCancelled(s);
        if (s.Status == Registered)
            throw Conflict("operating-entity-requires-approval", "An operating entity is assigned only to an approved project.");
        CheckDate(c.AssignedOn!.Value, ctx);
        NotBefore(c.AssignedOn.Value, s.Approval!.ApprovedOn, "the approval");
        return new OperatingEntityAssigned(s.Id, c.Name!.Trim(), c.CreditCode!, c.AssignedOn.Value, ctx.By, ctx.Now);
    }

    public static PeriodicReviewRecorded Review(RecordReview c, Project s, DecisionContext ctx)
    {
        new FieldErrors().Defined("outcome", c.Outcome).OptionalText("measure", c.Measure)
            .When(c.Outcome is ReviewOutcome.Weak && string.IsNullOrWhiteSpace(c.Measure), "measure", "a weak project needs a rectification plan.")
            .When(c.Outcome is ReviewOutcome.Idle && string.IsNullOrWhiteSpace(c.Measure), "measure", "an idle project needs a revival measure.")
            .Date("reviewedOn", c.ReviewedOn).ThrowIfAny();
        Industry(s);
        NotCancelled(s);
        InOperation(s);
        CheckDate(c.ReviewedOn!.Value, ctx);
        NotBefore(c.ReviewedOn.Value, s.Acceptance!.SignedOn, "the acceptance sign-off");
        return new PeriodicReviewRecorded(s.Id, c.Outcome!.Value, c.Measure?.Trim(), c.ReviewedOn.Value, ctx.By, ctx.Now);
    }

    /// <summary>A payment (拨付): per source it must fit what the source allocated to the project less what
    /// the project was already paid from it; per project the contract (or settled) amount; before the
    /// village committee's sign-off the county's progress-payment cap; the final payment waits for the
    /// sign-off. The payee is the builder of record unless another payee is named with a reason.</summary>
    public static FundsDisbursed Disburse(Guid disbursementId, DisburseFunds c, Project p, PaymentSource? source, bool voucherInUse, DecisionContext ctx)
    {
        var errors = new FieldErrors().Required("fundSourceId", c.FundSourceId).Amount("amount", c.Amount).Defined("kind", c.Kind)
            .Text("voucherNo", c.VoucherNo, VoucherMaxLength).Date("paidOn", c.PaidOn).OptionalText("payeeReason", c.PayeeReason);
        errors.PayeeFields(c.PayeeName, c.PayeeCreditCode).ThrowIfAny();
        if (voucherInUse)
            throw Uniqueness.Number("voucher", c.VoucherNo!.Trim());

        NotCancelled(p, "The project is cancelled; nothing can be paid for it.");
        if (p.Builder is null)
            throw Conflict("disbursement-requires-contract", "Nothing is paid before a builder of record and contract amount exist.");
        if (source is null)
            throw Unprocessable("fund-source-not-found", $"No fund source with id {c.FundSourceId}.");
        if (source.Source.Kind == FundSourceKind.MicroCredit) throw MicroCredit.IsHouseholdLoans();
        if (source.AllocatedSince is not { } allocatedSince)
            throw Conflict("no-allocation", $"{source.Source.Name} has no allocation to this project; allocate before paying.");

        var amount = c.Amount!.Value;
        var available = source.Allocated - p.PaidFrom(source.Source.FundSourceId);
        if (amount > available)
            throw Unprocessable("allocation-exceeded",
                $"{source.Source.Name} has {available:0.00} yuan allocated to this project and not yet disbursed; {amount:0.00} exceeds it.");
        var ceiling = p.PaymentCeiling!.Value;
        if (p.Disbursed + amount > ceiling)
            throw Unprocessable("contract-exceeded",
                $"{p.Disbursed:0.00} yuan is already paid; {amount:0.00} more would exceed the {(p.Settlement is null ? "contract" : "settled")} amount {ceiling:0.00}.");

        var signedOff = p.Status is Accepted or Settled;
        if (c.Kind == DisbursementKind.Final && !signedOff)
            throw Conflict("final-payment-requires-sign-off",
                "The final settlement payment is made only after the village committee's acceptance sign-off.");
        if (!signedOff)
        {
            var cap = decimal.Round(p.Builder.ContractAmount * ctx.Policy.ProgressPaymentCap, 2, MidpointRounding.ToZero);
            if (p.Disbursed + amount > cap)
                throw Unprocessable("progress-cap-exceeded",
                    $"Before acceptance sign-off, progress payments may reach {ctx.Policy.ProgressPaymentCap:P0} of the contract ({cap:0.00}, county policy); {p.Disbursed:0.00} is paid and {amount:0.00} more would exceed it.");
        }

        var payee = PayeeOf(p, c.PayeeName, c.PayeeCreditCode);
        var exception = OffTheNormalPath(c, p, payee, amount, ctx);

        var paidOn = c.PaidOn!.Value;
        CheckDate(paidOn, ctx);
        NotBefore(paidOn, allocatedSince, "the allocation");
        return new FundsDisbursed(p.Id, disbursementId, source.Source, p.Ref, amount, c.Kind!.Value, payee,
            string.IsNullOrWhiteSpace(c.PayeeReason) ? exception?.Reason : c.PayeeReason.Trim(), c.VoucherNo!.Trim(), paidOn, ctx.By, ctx.Now, exception?.Id);
    }

    // ---- shared rules

    private static FieldErrors ValidateBuilder(string? name, string? code, BuilderSelectionMethod? method, string? reference, decimal? amount)
        => new FieldErrors().Text("builderName", name).CreditCode("creditCode", code).Defined("method", method)
            .Text("reference", reference, 100).Amount("contractAmount", amount);

    private static FieldErrors Signatories(FieldErrors errors, IReadOnlyList<string>? names)
    {
        if (names is null || names.Count == 0 || names.All(string.IsNullOrWhiteSpace))
            return errors.Add("signatories", "at least one committee member must sign.");
        if (names.Count > 50) errors.Add("signatories", "at most 50 names.");
        for (var i = 0; i < names.Count; i++) errors.Text($"signatories[{i}]", names[i], 50);
        return errors;
    }

    private static string[] Clean(IReadOnlyList<string> names) => names.Select(n => n.Trim()).Distinct().ToArray();

    private static void CheckContract(BuilderSelectionMethod method, decimal amount, Project s, DecisionContext ctx)
    {
        if (method == BuilderSelectionMethod.CollectiveDecision && amount >= ctx.Policy.SmallWorksThreshold)
            throw Unprocessable("tender-required",
                $"A contract of {amount:0.00} yuan is not small works (threshold {ctx.Policy.SmallWorksThreshold:0.00}): the builder must be chosen by public tender.");
        if (ctx.Policy.ContractWithinBudget && amount > s.Approval!.Budget)
            throw Unprocessable("contract-exceeds-budget",
                $"The contract amount {amount:0.00} exceeds the approved budget {s.Approval.Budget:0.00} (county policy).");
    }

    private static void RequireCompleted(Project s, string rule, string message)
    {
        if (s.Status == Completed) return;
        if (s.Status == Accepted) throw Conflict("already-accepted", "The village committee has already signed off acceptance.");
        throw Conflict(rule, message);
    }

    private static void Open(Project s)
    {
        NotCancelled(s);
        if (s.Status == Settled)
            throw Conflict("project-settled", "The project is settled; only industry operation can be recorded now.");
    }

    internal static void NotCancelled(Project s, string message = "The project is cancelled; nothing more can be recorded.")
    {
        if (s.Status == Cancelled) throw Conflict("project-cancelled", message);
    }

    internal static void Industry(Project s)
    {
        if (s.Kind != ProjectKind.Industry)
            throw Unprocessable("industry-only", "Only industry projects have an operating entity, income and periodic reviews.");
    }

    internal static void InOperation(Project s)
    {
        if (s.Status is not (Accepted or Settled))
            throw Conflict("operation-requires-acceptance", "An industry project is in operation only after its acceptance is signed off.");
    }

    private static void Dated(DateOnly on, Project s, DecisionContext ctx)
    {
        CheckDate(on, ctx);
        NotBefore(on, s.LastStepOn, "the previous step");
    }

    private static RuleViolation Conflict(string rule, string message) => RuleViolation.Conflict(rule, message);
    private static RuleViolation Unprocessable(string rule, string message) => RuleViolation.Unprocessable(rule, message);
}
