using Funds.Domain.Common;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class RegistrationRules
{
    [Fact]
    public void registers_with_defaults_for_the_date()
    {
        var e = ProjectDecider.Register(Id, new RegisterProject(ProjectKind.Infrastructure, "road", " 通组公路 ", "官店镇", "黄坪村", 2019), Villages.Huangping, Ctx());
        Assert.Equal("通组公路", e.Name);
        Assert.Equal(D("2020-01-15"), e.RegisteredOn);
        Assert.Equal(Hq, e.By);
        Assert.Equal(Now, e.RecordedAt);
    }

    [Fact]
    public void today_is_the_date_in_china()
    {
        // 2019-12-31 17:00 UTC is already 2020-01-01 in Beijing.
        var ctx = Ctx(new DateTimeOffset(2019, 12, 31, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(D("2020-01-01"), ctx.Today);
    }

    [Fact]
    public void rejects_missing_and_unknown_fields()
        => Expect.Invalid(() => ProjectDecider.Register(Id, new RegisterProject(null, "spaceport", "", null, "v", 1999), null, Ctx()),
            "kind", "category", "name", "township", "planYear");

    [Fact]
    public void category_must_belong_to_the_kind()
        => Expect.Invalid(() => ProjectDecider.Register(Id, new RegisterProject(ProjectKind.Industry, "road", "n", "t", "v", 2019), null, Ctx()), "category");

    [Fact]
    public void registration_date_cannot_be_in_the_future()
        => Expect.Rule("date-in-future", RejectionKind.Unprocessable,
            () => ProjectDecider.Register(Id, new RegisterProject(ProjectKind.Infrastructure, "road", "n", "官店镇", "黄坪村", 2019, D("2020-01-16")), Villages.Huangping, Ctx()));

    [Fact]
    public void overlong_and_control_character_names_are_rejected()
        => Expect.Invalid(() => ProjectDecider.Register(Id, new RegisterProject(ProjectKind.Infrastructure, "road", new string('路', 201), "t\u0007", "v", 2019), null, Ctx()),
            "name", "township");
}

public class ApprovalRules
{
    private static readonly ApproveProject Valid = new("建扶发〔2019〕12号", 1_000_000.50m, "县扶贫开发领导小组", D("2019-02-01"));

    [Fact]
    public void approves_a_screened_and_assessed_project_recording_its_planned_funding()
    {
        var e = ProjectDecider.Approve(Valid, Assessed_(), FinanceCtx());
        Assert.Equal(1_000_000.50m, e.ApprovedBudget);
        Assert.Equal([new PlannedFunding(FundSourceKind.SpecialPovertyFund, 1_000_000m)], e.PlannedFunding);
        Assert.Equal(e.PlannedFunding, Project.Evolve(Assessed_(), e)!.Approval!.PlannedFunding);
    }

    [Fact]
    public void approval_is_recorded_once()
        => Expect.Rule("already-approved", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Approved_(), FinanceCtx()));

    [Fact]
    public void no_approval_without_screening_in_and_a_feasible_assessment()
    {
        Expect.Rule("approval-requires-screening", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Registered_(), FinanceCtx()));
        Expect.Rule("screened-out", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Fold(Registered(), Screened(false)), FinanceCtx()));
        Expect.Rule("approval-requires-assessment", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Fold(Registered(), Screened()), FinanceCtx()));
        Expect.Rule("assessed-not-feasible", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Fold(Registered(), Screened(), Assessed(false)), FinanceCtx()));
        // screening again sets the assessment aside
        Expect.Rule("approval-requires-assessment", RejectionKind.Conflict, () => ProjectDecider.Approve(Valid, Fold(Registered(), Screened(), Assessed(), Screened()), FinanceCtx()));
    }

    [Fact]
    public void who_approves_is_county_policy()
    {
        Expect.Rule("approver-not-in-policy", RejectionKind.Forbidden, () => ProjectDecider.Approve(Valid, Assessed_(), Ctx()));
        var township = Given.Policy with { ApprovingRole = "township-hq" };
        Assert.Equal(Hq, ProjectDecider.Approve(Valid, Assessed_(), Ctx() with { Policy = township }).By);
        Expect.Rule("approver-not-in-policy", RejectionKind.Forbidden, () => ProjectDecider.Approve(Valid, Assessed_(), FinanceCtx(township)));

        var small = Given.Policy with { TownshipApprovalLimit = 300_000m };
        ProjectDecider.Approve(Valid with { ApprovedBudget = 300_000m }, Assessed_(), Ctx() with { Policy = small });
        ProjectDecider.Approve(Valid, Assessed_(), FinanceCtx(small));
        Expect.Rule("approver-not-in-policy", RejectionKind.Forbidden, () => ProjectDecider.Approve(Valid, Assessed_(), Ctx() with { Policy = small }));
    }

    [Fact]
    public void streams_approved_before_screening_existed_still_fold_and_go_on()
    {
        var legacy = Fold(Registered(), Approved(), Builder());
        Assert.Equal((ProjectStatus.BuilderChosen, null, null), (legacy.Status, legacy.Screening, legacy.Approval!.PlannedFunding));
        ProjectDecider.Start(new StartConstruction(D("2019-03-01")), legacy, Ctx());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.001)]
    [InlineData(100_000_000_001)]
    public void budget_must_be_a_positive_amount_in_fen(decimal budget)
        => Expect.Invalid(() => ProjectDecider.Approve(Valid with { ApprovedBudget = budget }, Assessed_(), FinanceCtx()), "approvedBudget");

    [Fact]
    public void approval_cannot_precede_registration()
        => Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => ProjectDecider.Approve(Valid with { ApprovedOn = D("2019-01-24") }, Assessed_(), FinanceCtx()));

    [Fact]
    public void approval_cannot_be_in_the_future()
        => Expect.Rule("date-in-future", RejectionKind.Unprocessable,
            () => ProjectDecider.Approve(Valid with { ApprovedOn = D("2020-01-16") }, Assessed_(), FinanceCtx()));
}

public class ScreeningRules
{
    private static readonly ScreenProject In = new(true, "列入项目库", D("2019-01-20"));
    private static readonly AssessProject Feasible = new(true, "可行", 46, [new PlannedFundingLine(FundSourceKind.SpecialPovertyFund, 600_000m),
        new PlannedFundingLine(FundSourceKind.CountyFiscal, 300_000m), new PlannedFundingLine(FundSourceKind.SpecialPovertyFund, 100_000m)], D("2019-01-25"));

    [Fact]
    public void screening_takes_a_project_in_or_leaves_it_out_with_a_reason()
    {
        Assert.True(ProjectDecider.Screen(In, Registered_(), Ctx()).Included);
        Assert.False(ProjectDecider.Screen(In with { Included = false, Reason = "重复申报" }, Registered_(), Ctx()).Included);
        Expect.Invalid(() => ProjectDecider.Screen(new ScreenProject(null, " ", null), Registered_(), Ctx()), "included", "reason", "screenedOn");
        Expect.Rule("screening-closed", RejectionKind.Conflict, () => ProjectDecider.Screen(In, Approved_(), Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => ProjectDecider.Screen(In with { ScreenedOn = D("2019-01-09") }, Registered_(), Ctx()));
    }

    [Fact]
    public void assessment_follows_screening_in_and_sums_planned_funding_by_kind()
    {
        var e = ProjectDecider.Assess(Feasible, Fold(Registered(), Screened()), Ctx());
        Assert.Equal([new PlannedFunding(FundSourceKind.SpecialPovertyFund, 700_000m), new PlannedFunding(FundSourceKind.CountyFiscal, 300_000m)], e.PlannedFunding);
        Expect.Rule("assessment-requires-screening", RejectionKind.Conflict, () => ProjectDecider.Assess(Feasible, Registered_(), Ctx()));
        Expect.Rule("assessment-requires-screening", RejectionKind.Conflict, () => ProjectDecider.Assess(Feasible, Fold(Registered(), Screened(false)), Ctx()));
        Expect.Rule("assessment-closed", RejectionKind.Conflict, () => ProjectDecider.Assess(Feasible, Approved_(), Ctx()));
        Expect.Invalid(() => ProjectDecider.Assess(Feasible with { PlannedFunding = [] }, Fold(Registered(), Screened()), Ctx()), "plannedFunding");
        Expect.Invalid(() => ProjectDecider.Assess(Feasible with { PlannedFunding = [new PlannedFundingLine(null, 0.001m)], HouseholdsReached = -1 }, Fold(Registered(), Screened()), Ctx()),
            "plannedFunding[0].kind", "plannedFunding[0].amount", "householdsReached");
        Assert.False(ProjectDecider.Assess(Feasible with { Feasible = false, PlannedFunding = null }, Fold(Registered(), Screened()), Ctx()).Feasible);
    }
}

public class BuilderRules
{
    private static readonly SelectBuilder Tender = new("路桥公司", Code, BuilderSelectionMethod.PublicTender, "ZB-1", 900_000m, D("2019-02-20"));

    [Fact]
    public void selects_a_builder_by_tender()
        => Assert.Equal(Code, ProjectDecider.Select(Tender, Approved_(), Ctx()).Builder.CreditCode);

    [Fact]
    public void no_builder_before_approval()
        => Expect.Rule("builder-requires-approval", RejectionKind.Conflict, () => ProjectDecider.Select(Tender, Registered_(), Ctx()));

    [Fact]
    public void one_builder_of_record()
        => Expect.Rule("builder-already-selected", RejectionKind.Conflict, () => ProjectDecider.Select(Tender, WithBuilder(), Ctx()));

    [Fact]
    public void contract_cannot_exceed_budget()
        => Expect.Rule("contract-exceeds-budget", RejectionKind.Unprocessable,
            () => ProjectDecider.Select(Tender with { ContractAmount = 1_000_000.01m }, Approved_(), Ctx()));

    [Fact]
    public void contract_within_budget_is_county_policy_that_can_be_turned_off()
        => Assert.Equal(1_000_000.01m, ProjectDecider.Select(Tender with { ContractAmount = 1_000_000.01m }, Approved_(),
            Ctx() with { Policy = Given.Policy with { ContractWithinBudget = false } }).ContractAmount);

    [Fact]
    public void contract_equal_to_budget_is_allowed()
        => ProjectDecider.Select(Tender with { ContractAmount = 1_000_000m }, Approved_(), Ctx());

    [Fact]
    public void collective_decision_only_for_small_works_below_the_threshold()
    {
        var collective = Tender with { Method = BuilderSelectionMethod.CollectiveDecision, Reference = "前指纪要7号" };
        ProjectDecider.Select(collective with { ContractAmount = 499_999.99m }, Approved_(), Ctx());
        Expect.Rule("tender-required", RejectionKind.Unprocessable,
            () => ProjectDecider.Select(collective with { ContractAmount = 500_000m }, Approved_(), Ctx()));
    }

    [Fact]
    public void the_small_works_threshold_is_configurable()
    {
        var collective = Tender with { Method = BuilderSelectionMethod.CollectiveDecision, ContractAmount = 200_000m };
        var strict = Ctx() with { Policy = Given.Policy with { SmallWorksThreshold = 100_000m } };
        Expect.Rule("tender-required", RejectionKind.Unprocessable, () => ProjectDecider.Select(collective, Approved_(), strict));
    }

    [Theory]
    [InlineData("91422822MA4955XK2X")] // wrong check character
    [InlineData("91422822MA4955XK2")] // 17 characters
    [InlineData("91422822MA4955XKI1")] // I is not in the alphabet
    [InlineData("")]
    public void builder_credit_code_is_validated(string code)
        => Expect.Invalid(() => ProjectDecider.Select(Tender with { CreditCode = code }, Approved_(), Ctx()), "creditCode");

    [Fact]
    public void change_of_builder_needs_a_reason_and_a_different_builder()
    {
        var change = new ChangeBuilder("兴建公司", OtherCode, BuilderSelectionMethod.PublicTender, "ZB-2", 950_000m, "资质吊销", D("2019-02-25"));
        Assert.Equal(OtherCode, ProjectDecider.Change(change, WithBuilder(), Ctx()).Builder.CreditCode);
        Expect.Invalid(() => ProjectDecider.Change(change with { Reason = " " }, WithBuilder(), Ctx()), "reason");
        Expect.Rule("same-builder", RejectionKind.Unprocessable, () => ProjectDecider.Change(change with { CreditCode = Code }, WithBuilder(), Ctx()));
        Expect.Rule("no-builder-to-change", RejectionKind.Conflict, () => ProjectDecider.Change(change, Approved_(), Ctx()));
        Expect.Rule("builder-change-closed", RejectionKind.Conflict, () => ProjectDecider.Change(change with { ChangedOn = D("2019-06-30") }, Completed_(), Ctx()));
        Expect.Rule("contract-exceeds-budget", RejectionKind.Unprocessable,
            () => ProjectDecider.Change(change with { ContractAmount = 2_000_000m }, WithBuilder(), Ctx()));
    }
}

public class ConstructionRules
{
    [Fact]
    public void starts_after_a_builder_is_chosen()
        => Assert.Equal(D("2019-03-01"), ProjectDecider.Start(new StartConstruction(D("2019-03-01")), WithBuilder(), Ctx()).StartedOn);

    [Fact]
    public void no_start_before_a_builder()
        => Expect.Rule("start-requires-builder", RejectionKind.Conflict, () => ProjectDecider.Start(new StartConstruction(D("2019-03-01")), Approved_(), Ctx()));

    [Fact]
    public void no_second_start()
        => Expect.Rule("already-started", RejectionKind.Conflict, () => ProjectDecider.Start(new StartConstruction(D("2019-03-02")), UnderConstruction(), Ctx()));

    [Fact]
    public void start_cannot_precede_builder_selection()
        => Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => ProjectDecider.Start(new StartConstruction(D("2019-02-19")), WithBuilder(), Ctx()));

    [Fact]
    public void completes_after_start()
        => Assert.False(ProjectDecider.Complete(new CompleteConstruction(D("2019-06-20")), UnderConstruction(), Ctx()).AfterRectification);

    [Fact]
    public void no_completion_before_start()
        => Expect.Rule("completion-requires-start", RejectionKind.Conflict, () => ProjectDecider.Complete(new CompleteConstruction(D("2019-06-20")), WithBuilder(), Ctx()));

    [Fact]
    public void completion_is_reported_once_unless_refused()
        => Expect.Rule("already-completed", RejectionKind.Conflict, () => ProjectDecider.Complete(new CompleteConstruction(D("2019-06-21")), Completed_(), Ctx()));

    [Fact]
    public void completion_is_re_reported_after_a_refusal()
        => Assert.True(ProjectDecider.Complete(new CompleteConstruction(D("2019-06-27")), Rectifying(), Ctx()).AfterRectification);

    [Fact]
    public void completion_date_is_required()
        => Expect.Invalid(() => ProjectDecider.Complete(new CompleteConstruction(null), UnderConstruction(), Ctx()), "completedOn");
}

public class AcceptanceRules
{
    private static readonly SignOffAcceptance Sign = new(["李国华", "王秀英"], D("2019-06-25"));

    [Fact]
    public void committee_signs_off_after_completion()
        => Assert.Equal(["李国华", "王秀英"], ProjectDecider.SignOff(Sign, Completed_(), Ctx()).Signatories);

    [Fact]
    public void no_sign_off_before_completion()
        => Expect.Rule("sign-off-requires-completion", RejectionKind.Conflict, () => ProjectDecider.SignOff(Sign, UnderConstruction(), Ctx()));

    [Fact]
    public void no_sign_off_while_rectifying()
        => Expect.Rule("sign-off-requires-completion", RejectionKind.Conflict, () => ProjectDecider.SignOff(Sign, Rectifying(), Ctx()));

    [Fact]
    public void sign_off_names_who_signed()
        => Expect.Invalid(() => ProjectDecider.SignOff(Sign with { Signatories = [] }, Completed_(), Ctx()), "signatories");

    [Fact]
    public void no_second_sign_off()
        => Expect.Rule("already-accepted", RejectionKind.Conflict, () => ProjectDecider.SignOff(Sign, Accepted(), Ctx()));

    [Fact]
    public void refusal_needs_reasons_and_sends_the_project_to_rectification()
    {
        var refusal = new RefuseAcceptance("排水沟未完成", ["李国华"], D("2019-06-22"));
        var e = ProjectDecider.Refuse(refusal, Completed_(), Ctx());
        Assert.Equal(ProjectStatus.Rectifying, Project.Evolve(Completed_(), e)!.Status);
        Expect.Invalid(() => ProjectDecider.Refuse(refusal with { Reasons = "" }, Completed_(), Ctx()), "reasons");
        Expect.Rule("refusal-requires-completion", RejectionKind.Conflict, () => ProjectDecider.Refuse(refusal, UnderConstruction(), Ctx()));
    }
}

public class SettlementRules
{
    private static readonly SettleProject Settle = new(880_000m, D("2019-07-10"));

    [Fact]
    public void settles_on_the_committee_signature()
        => Assert.Equal(880_000m, ProjectDecider.Settle(Settle, Accepted(), Ctx()).SettledAmount);

    [Fact]
    public void no_settlement_without_sign_off()
    {
        Expect.Rule("settlement-requires-sign-off", RejectionKind.Conflict, () => ProjectDecider.Settle(Settle, Completed_(), Ctx()));
        Expect.Rule("settlement-requires-sign-off", RejectionKind.Conflict, () => ProjectDecider.Settle(Settle, Rectifying(), Ctx()));
    }

    [Fact]
    public void a_project_cannot_be_settled_below_what_was_already_paid()
    {
        var paid = Sources.Paid(Accepted(), 600_000m);
        var e = Expect.Rule("settlement-below-paid", RejectionKind.Unprocessable,
            () => ProjectDecider.Settle(Settle with { SettledAmount = 599_999.99m }, paid, Ctx()));
        Assert.Contains("600000.00", e.Message);
        Assert.Equal(600_000m, ProjectDecider.Settle(Settle with { SettledAmount = 600_000m }, paid, Ctx()).SettledAmount);
    }

    [Fact]
    public void settled_amount_cannot_exceed_contract()
        => Expect.Rule("settlement-exceeds-contract", RejectionKind.Unprocessable,
            () => ProjectDecider.Settle(Settle with { SettledAmount = 900_000.01m }, Accepted(), Ctx()));

    [Fact]
    public void nothing_but_operation_after_settlement()
    {
        Expect.Rule("project-settled", RejectionKind.Conflict, () => ProjectDecider.Settle(Settle, Settled_(), Ctx()));
        Expect.Rule("project-settled", RejectionKind.Conflict, () => ProjectDecider.Cancel(new CancelProject("x", D("2019-08-01")), Settled_(), Ctx()));
    }
}

public class CancellationRules
{
    [Fact]
    public void cancels_with_a_reason_before_settlement()
    {
        Assert.Equal("搬迁", ProjectDecider.Cancel(new CancelProject("搬迁", D("2019-03-05")), UnderConstruction(), Ctx()).Reason);
        Expect.Invalid(() => ProjectDecider.Cancel(new CancelProject(null, D("2019-03-05")), Approved_(), Ctx()), "reason");
    }

    [Fact]
    public void nothing_after_cancellation()
    {
        Expect.Rule("project-cancelled", RejectionKind.Conflict, () => ProjectDecider.Start(new StartConstruction(D("2019-03-06")), Cancelled_(), Ctx()));
        Expect.Rule("project-cancelled", RejectionKind.Conflict, () => ProjectDecider.Cancel(new CancelProject("again", D("2019-03-06")), Cancelled_(), Ctx()));
    }
}

public class IndustryRules
{
    private static readonly DistributeIncome Income = new("2019", 0m, 12_000m, [], D("2019-12-20"));

    private static (HouseholdIncomeDistributed Distributed, Funds.Domain.Villages.VillageFundReceived? Fund) Distribute(DistributeIncome c, Project p)
        => ProjectDecider.Distribute(Guid.NewGuid(), c, p, new Dictionary<Guid, Funds.Domain.Households.Household>(), Villages.Huangping, Ctx());
    private static readonly RecordReview Healthy = new(ReviewOutcome.Healthy, null, D("2019-12-28"));

    [Fact]
    public void income_is_distributed_by_the_operating_entity_of_an_accepted_industry_project()
    {
        var (e, fund) = Distribute(Income, IndustryAccepted());
        var after = Project.Evolve(IndustryAccepted(), e)!;
        Assert.Equal(0m, after.IncomeToHouseholds);
        Assert.Equal(12_000m, after.IncomeToCollective);
        Assert.Equal(12_000m, fund!.Amount);
        Assert.Equal(Villages.Huangping.Id, fund.VillageId);
    }

    [Fact]
    public void operation_is_for_industry_projects_only()
    {
        Expect.Rule("industry-only", RejectionKind.Unprocessable, () => Distribute(Income, Accepted()));
        Expect.Rule("industry-only", RejectionKind.Unprocessable, () => ProjectDecider.Review(Healthy, Accepted(), Ctx()));
        Expect.Rule("industry-only", RejectionKind.Unprocessable,
            () => ProjectDecider.AssignEntity(new AssignOperatingEntity("社", Code, D("2019-06-26")), Accepted(), Ctx()));
    }

    [Fact]
    public void income_needs_an_operating_entity()
        => Expect.Rule("operating-entity-required", RejectionKind.Conflict, () => Distribute(Income, IndustryAccepted(withEntity: false)));

    [Fact]
    public void operation_is_allowed_after_settlement()
    {
        var settled = Project.Evolve(IndustryAccepted(), Settled())!;
        Distribute(Income, settled);
        ProjectDecider.Review(Healthy, settled, Ctx());
    }

    [Fact]
    public void no_operation_before_acceptance()
    {
        var building = Fold(Registered(ProjectKind.Industry, "cooperative"), Approved(), Entity());
        Expect.Rule("operation-requires-acceptance", RejectionKind.Conflict, () => Distribute(Income, building));
    }

    [Fact]
    public void shares_are_amounts_and_not_both_zero()
    {
        Expect.Invalid(() => Distribute(Income with { HouseholdTotal = 0, CollectiveAmount = 0 }, IndustryAccepted()), "householdTotal");
        Expect.Invalid(() => Distribute(Income with { HouseholdTotal = -1 }, IndustryAccepted()), "householdTotal");
        Expect.Invalid(() => Distribute(Income with { HouseholdTotal = 100 }, IndustryAccepted()), "recipients");
        Distribute(Income with { CollectiveAmount = 0.01m }, IndustryAccepted());
    }

    [Theory]
    [InlineData(ReviewOutcome.Weak)]
    [InlineData(ReviewOutcome.Idle)]
    public void weak_and_idle_reviews_need_a_measure(ReviewOutcome outcome)
    {
        Expect.Invalid(() => ProjectDecider.Review(new RecordReview(outcome, null, D("2019-12-28")), IndustryAccepted(), Ctx()), "measure");
        ProjectDecider.Review(new RecordReview(outcome, "注入资金", D("2019-12-28")), IndustryAccepted(), Ctx());
    }

    [Fact]
    public void operating_entity_needs_approval_and_a_valid_code()
    {
        var cmd = new AssignOperatingEntity("社", Code, D("2019-06-26"));
        Expect.Rule("operating-entity-requires-approval", RejectionKind.Conflict,
            () => ProjectDecider.AssignEntity(cmd, Fold(Registered(ProjectKind.Industry, "cooperative")), Ctx()));
        Expect.Invalid(() => ProjectDecider.AssignEntity(cmd with { CreditCode = "123" }, IndustryAccepted(), Ctx()), "creditCode");
    }
}

public class CreditCodeTests
{
    [Theory]
    [InlineData("91422822MA4955XK21", true)]
    [InlineData("91350100M000100Y43", true)] // a published example
    [InlineData("91422822MA4955XK22", false)]
    [InlineData("91422822ma4955xk21", false)]
    [InlineData(null, false)]
    public void validates_the_check_character(string? code, bool valid) => Assert.Equal(valid, CreditCode.IsValid(code));

    [Fact]
    public void completes_a_body_with_its_check_character()
        => Assert.True(CreditCode.IsValid(CreditCode.Complete("93422822MA48C0LK8")));
}
