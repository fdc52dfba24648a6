using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Households;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

/// <summary>The household register, benefit links, income per household, loans and interest subsidies.</summary>
public class HouseholdRuleTests
{
    private static readonly string IdNumber = IdentityNumbers.Complete("42282219650312001");
    private static readonly ProtectedIdentity Protected = new("hash", IdentityNumbers.Mask(IdNumber));

    private static RegisterHousehold Registration(string code = "422822-001-001", int labour = 2, HouseholdStatus status = HouseholdStatus.Poor)
        => new(code, "官店镇", "黄坪村", "李国华", IdNumber, 4, labour, status, D("2015-03-01"));

    public static Household NewHousehold(string code = "422822-001-001", int labour = 2, HouseholdStatus status = HouseholdStatus.Poor, params object[] more)
    {
        var id = Guid.NewGuid();
        object[] events = [HouseholdDecider.Register(id, Registration(code, labour, status), Villages.Huangping, false, false, Protected, Ctx()), .. more];
        return events.Aggregate((Funds.Domain.Households.Household?)null, (h, e) => Funds.Domain.Households.Household.Evolve(h, e is Func<Guid, object> f ? f(id) : e))!;
    }

    [Fact]
    public void identity_numbers_are_checked_and_masked()
    {
        Assert.True(IdentityNumbers.IsValid(IdNumber));
        Assert.False(IdentityNumbers.IsValid(IdNumber[..17] + (IdNumber[17] == '1' ? '2' : '1')));
        Assert.False(IdentityNumbers.IsValid("422822196513120011"));   // month 13
        Assert.Equal("422822********" + IdNumber[^4..], IdentityNumbers.Mask(IdNumber));
        Assert.Equal("李**", PersonNames.Mask("李国华"));
    }

    [Fact]
    public void a_household_is_registered_in_a_registered_village_once_per_code_and_person()
    {
        var e = HouseholdDecider.Register(Guid.NewGuid(), Registration(), Villages.Huangping, false, false, Protected, Ctx());
        Assert.Equal(("422822-001-001", "hash", 2), (e.Code, e.IdentityHash, e.LabourMembers));
        Assert.DoesNotContain(IdNumber, e.ToString());
        Expect.Rule("village-not-registered", RejectionKind.Unprocessable, () => HouseholdDecider.Register(Guid.NewGuid(), Registration(), null, false, false, Protected, Ctx()));
        Expect.Rule("household-already-registered", RejectionKind.Conflict, () => HouseholdDecider.Register(Guid.NewGuid(), Registration(), Villages.Huangping, true, false, Protected, Ctx()));
        Expect.Rule("identity-already-registered", RejectionKind.Conflict, () => HouseholdDecider.Register(Guid.NewGuid(), Registration(), Villages.Huangping, false, true, Protected, Ctx()));
        Expect.Invalid(() => HouseholdDecider.Register(Guid.NewGuid(), Registration() with { IdentityNumber = "123", LabourMembers = 5, Code = "x" }, Villages.Huangping, false, false, null, Ctx()),
            "identityNumber", "labourMembers", "code");
    }

    [Fact]
    public void status_changes_keep_their_effective_dates_and_answer_as_of_a_date()
    {
        var h = NewHousehold();
        var exited = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.ChangeStatus(new ChangeHouseholdStatus(HouseholdStatus.ExitedMonitored, "脱贫", D("2018-12-15")), h, Ctx()))!;
        Assert.Equal(HouseholdStatus.Poor, exited.StatusOn(D("2018-12-14")));
        Assert.Equal(HouseholdStatus.ExitedMonitored, exited.StatusOn(D("2018-12-15")));
        Assert.Null(exited.StatusOn(D("2015-02-28")));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => HouseholdDecider.ChangeStatus(new ChangeHouseholdStatus(HouseholdStatus.NotPoor, "r", D("2018-12-01")), exited, Ctx()));
        Expect.Rule("household-status-unchanged", RejectionKind.Conflict,
            () => HouseholdDecider.ChangeStatus(new ChangeHouseholdStatus(HouseholdStatus.ExitedMonitored, "r", D("2019-01-01")), exited, Ctx()));
    }

    private static Project Operating() => IndustryAccepted();

    private static Project Linked(Project p, params Household[] households)
        => households.Aggregate(p, (s, h) => Project.Evolve(s, ProjectDecider.Link(Guid.NewGuid(), new LinkHousehold(h.Id, LinkKind.Dividend, 800m, D("2019-07-01")), s, h, Ctx()))!);

    [Fact]
    public void poor_households_of_the_township_are_linked_once()
    {
        var h = NewHousehold();
        var p = Linked(Operating(), h);
        Assert.True(p.ActiveLink(h.Id, D("2019-07-01")) is not null);
        Expect.Rule("household-already-linked", RejectionKind.Conflict, () => Linked(p, h));
        Expect.Rule("link-requires-poor-household", RejectionKind.Unprocessable, () => Linked(Operating(), NewHousehold(status: HouseholdStatus.NotPoor)));
        var elsewhere = NewHousehold() with { Township = "高坪镇" };
        Expect.Rule("link-outside-township", RejectionKind.Unprocessable, () => Linked(Operating(), elsewhere));
        Expect.Rule("industry-only", RejectionKind.Unprocessable, () => Linked(Accepted(), h));
        Expect.Rule("household-not-found", RejectionKind.Unprocessable,
            () => ProjectDecider.Link(Guid.NewGuid(), new LinkHousehold(Guid.NewGuid(), LinkKind.Dividend, 0m, D("2019-07-01")), Operating(), null, Ctx()));
        var ended = Project.Evolve(p, ProjectDecider.EndLink(new EndBenefitLink(p.Links[0].LinkId, "外出务工", D("2019-09-01")), p, Ctx()))!;
        Assert.Null(ended.ActiveLink(h.Id, D("2019-09-01")));
        Expect.Rule("link-already-ended", RejectionKind.Conflict, () => ProjectDecider.EndLink(new EndBenefitLink(p.Links[0].LinkId, "again", D("2019-09-02")), ended, Ctx()));
    }

    [Theory]
    [InlineData(1000.01, new[] { 1.0, 0.5 }, new[] { 666.67, 333.34 })]
    [InlineData(100, new[] { 1.0, 1.0, 1.0 }, new[] { 33.34, 33.33, 33.33 })]
    [InlineData(0.01, new[] { 1.0, 1.0 }, new[] { 0.01, 0.00 })]
    [InlineData(999999.99, new[] { 3.0, 2.0, 0.5, 0.5 }, new[] { 500000.00, 333333.33, 83333.33, 83333.33 })]
    public void split_by_weight_adds_up_to_the_fen(double total, double[] weights, double[] expected)
    {
        var shares = ProjectDecider.Split((decimal)total, weights.Select(w => (decimal)w).ToList());
        Assert.Equal(expected.Select(x => (decimal)x), shares);
        Assert.Equal((decimal)total, shares.Sum());
    }

    private static IReadOnlyDictionary<Guid, Household> Register(params Household[] hs) => hs.ToDictionary(h => h.Id);

    [Fact]
    public void a_distribution_names_linked_poor_households_adds_up_and_pays_each_once_per_period()
    {
        var poor = NewHousehold("A-0001");
        var exited = NewHousehold("B-0001", more: (Func<Guid, object>)(id => new HouseholdStatusChanged(id, HouseholdStatus.ExitedMonitored, "脱贫", D("2018-12-15"), Hq, Now)));
        var unlinked = NewHousehold("C-0001");
        var p = Linked(Operating(), poor, exited);
        var all = Register(poor, exited, unlinked);
        var byWeight = new DistributeIncome("2019年度", 1_000.01m, 500m, [new(poor.Id), new(exited.Id)], D("2019-12-20"), null, 1m, 0.5m);

        var (e, fund) = ProjectDecider.Distribute(Guid.NewGuid(), byWeight, p, all, Villages.Huangping, Ctx());
        Assert.Equal([666.67m, 333.34m], e.Shares.Select(s => s.Amount));
        Assert.Equal([HouseholdStatus.Poor, HouseholdStatus.ExitedMonitored], e.Shares.Select(s => s.Status));
        Assert.Equal(500m, fund!.Amount);
        var paid = Project.Evolve(p, e)!;

        Expect.Rule("household-already-paid-for-period", RejectionKind.Conflict, () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight, paid, all, Villages.Huangping, Ctx()));
        ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { Period = "2020年上半年" }, paid, all, Villages.Huangping, Ctx());
        Expect.Rule("recipient-not-linked", RejectionKind.Unprocessable,
            () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { Recipients = [new(poor.Id), new(unlinked.Id)] }, p, all, Villages.Huangping, Ctx()));
        Expect.Rule("recipient-not-registered", RejectionKind.Unprocessable,
            () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight, p, Register(poor), Villages.Huangping, Ctx()));
        Expect.Rule("recipient-not-registered", RejectionKind.Unprocessable,
            () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { DistributedOn = D("2015-02-01") }, p with { Acceptance = p.Acceptance! with { SignedOn = D("2015-01-01") } }, all, Villages.Huangping, Ctx()));
        var nowNotPoor = Register(Funds.Domain.Households.Household.Evolve(poor, new HouseholdStatusChanged(poor.Id, HouseholdStatus.NotPoor, "清退", D("2019-12-01"), Hq, Now))!, exited);
        Expect.Rule("recipient-not-poor", RejectionKind.Unprocessable, () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight, p, nowNotPoor, Villages.Huangping, Ctx()));

        var explicitShares = new DistributeIncome("2019年度", 1_000m, 0m, [new(poor.Id, 600m), new(exited.Id, 399.99m)], D("2019-12-20"));
        Expect.Rule("shares-do-not-add-up", RejectionKind.Unprocessable, () => ProjectDecider.Distribute(Guid.NewGuid(), explicitShares, p, all, Villages.Huangping, Ctx()));
        var exact = ProjectDecider.Distribute(Guid.NewGuid(), explicitShares with { HouseholdTotal = 999.99m }, p, all, null, Ctx());
        Assert.Null(exact.ToVillageFund);
        Expect.Rule("village-fund-requires-registered-village", RejectionKind.Unprocessable,
            () => ProjectDecider.Distribute(Guid.NewGuid(), byWeight, p, all, null, Ctx()));
        Expect.Invalid(() => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { Recipients = [new(poor.Id, 1m), new(exited.Id)] }, p, all, Villages.Huangping, Ctx()), "recipients");
        Expect.Invalid(() => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { Recipients = [new(poor.Id), new(poor.Id)] }, p, all, Villages.Huangping, Ctx()), "recipients");
        Expect.Invalid(() => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { PoorWeight = null }, p, all, Villages.Huangping, Ctx()), "poorWeight");
        Expect.Invalid(() => ProjectDecider.Distribute(Guid.NewGuid(), byWeight with { Recipients = [null!] }, p, all, Villages.Huangping, Ctx()), "recipients");
    }

    private static IssueLoan Loan(decimal amount = 30_000m, int term = 12, string on = "2019-01-10") => new("建始农商银行", "XD-1", amount, term, "发展茶叶种植", D(on));

    [Fact]
    public void loans_go_to_poor_households_within_policy_and_run_to_repayment()
    {
        var h = NewHousehold();
        var loanId = Guid.NewGuid();
        var issued = HouseholdDecider.Issue(loanId, Loan(), h, null, Ctx());
        Assert.Equal(D("2020-01-10"), issued.DueOn);
        h = Funds.Domain.Households.Household.Evolve(h, issued)!;
        Expect.Rule("loan-above-limit", RejectionKind.Unprocessable, () => HouseholdDecider.Issue(Guid.NewGuid(), Loan(50_000.01m), h, null, Ctx()));
        Expect.Rule("loan-term-too-long", RejectionKind.Unprocessable, () => HouseholdDecider.Issue(Guid.NewGuid(), Loan(term: 37), h, null, Ctx()));
        Expect.Rule("loan-requires-poor-household", RejectionKind.Unprocessable, () => HouseholdDecider.Issue(Guid.NewGuid(), Loan(), NewHousehold(status: HouseholdStatus.NotPoor), null, Ctx()));
        Expect.Rule("loan-project-not-industry", RejectionKind.Unprocessable, () => HouseholdDecider.Issue(Guid.NewGuid(), Loan() with { ProjectId = Id }, h, Accepted(), Ctx()));

        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.Repay(new RepayLoan(loanId, 10_000m, D("2019-10-01")), h, Ctx()))!;
        Expect.Rule("repayment-exceeds-outstanding", RejectionKind.Unprocessable, () => HouseholdDecider.Repay(new RepayLoan(loanId, 20_000.01m, D("2019-10-02")), h, Ctx()));
        Expect.Rule("loan-not-due", RejectionKind.Conflict, () => HouseholdDecider.ReportOverdue(new ReportLoanOverdue(loanId, D("2019-12-01")), h, Ctx()));
        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.Extend(new ExtendLoan(loanId, D("2020-07-10"), "受灾", D("2019-12-20")), h, Ctx()))!;
        Assert.Equal(LoanStatus.Extended, h.LoanOf(loanId)!.Status);
        Expect.Rule("loan-extensions-exhausted", RejectionKind.Unprocessable, () => HouseholdDecider.Extend(new ExtendLoan(loanId, D("2020-12-10"), "再次", D("2020-01-10")), h, Ctx()));
        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.Repay(new RepayLoan(loanId, 20_000m, D("2020-01-14")), h, Ctx()))!;
        Assert.Equal(LoanStatus.Repaid, h.LoanOf(loanId)!.Status);
        Expect.Rule("loan-repaid", RejectionKind.Conflict, () => HouseholdDecider.Repay(new RepayLoan(loanId, 1m, D("2020-01-14")), h, Ctx()));
    }

    [Fact]
    public void an_overdue_loan_blocks_new_loans_and_cannot_be_extended()
    {
        var h = NewHousehold();
        var loanId = Guid.NewGuid();
        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.Issue(loanId, Loan(on: "2018-06-01"), h, null, Ctx()))!;
        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.ReportOverdue(new ReportLoanOverdue(loanId, D("2019-07-01")), h, Ctx()))!;
        Assert.Equal(LoanStatus.Overdue, h.LoanOf(loanId)!.Status);
        Expect.Rule("loan-already-overdue", RejectionKind.Conflict, () => HouseholdDecider.ReportOverdue(new ReportLoanOverdue(loanId, D("2019-07-02")), h, Ctx()));
        Expect.Rule("household-has-overdue-loan", RejectionKind.Conflict, () => HouseholdDecider.Issue(Guid.NewGuid(), Loan(on: "2019-08-01"), h, null, Ctx()));
        Expect.Rule("loan-extension-after-due", RejectionKind.Conflict, () => HouseholdDecider.Extend(new ExtendLoan(loanId, D("2020-06-01"), "r", D("2019-07-05")), h, Ctx()));
    }

    [Fact]
    public void an_interest_subsidy_is_paid_once_per_period_from_unallocated_money_and_micro_credit_is_no_project_fund()
    {
        var h = NewHousehold();
        var loanId = Guid.NewGuid();
        h = Funds.Domain.Households.Household.Evolve(h, HouseholdDecider.Issue(loanId, Loan(), h, null, Ctx()))!;
        var source = Sources.Source(received: 2_000m);
        var c = new PayInterestSubsidy(h.Id, loanId, "2019年度", 1_305m, "TX-1", D("2019-12-20"));
        var e = FundSourceDecider.PaySubsidy(Guid.NewGuid(), c, source, h, false, false, Ctx());
        Assert.Equal(695m, FundSource.Evolve(source, e)!.Unallocated);
        Expect.Rule("subsidy-already-paid", RejectionKind.Conflict, () => FundSourceDecider.PaySubsidy(Guid.NewGuid(), c, source, h, true, false, Ctx()));
        Expect.Rule("source-balance-exceeded", RejectionKind.Unprocessable, () => FundSourceDecider.PaySubsidy(Guid.NewGuid(), c with { Amount = 2_000.01m }, source, h, false, false, Ctx()));
        Expect.Rule("loan-not-found", RejectionKind.Unprocessable, () => FundSourceDecider.PaySubsidy(Guid.NewGuid(), c with { LoanId = Guid.NewGuid() }, source, h, false, false, Ctx()));
        Expect.Rule("voucher-already-used", RejectionKind.Conflict, () => FundSourceDecider.PaySubsidy(Guid.NewGuid(), c, source, h, false, true, Ctx()));

        Expect.Rule("micro-credit-is-household-loans", RejectionKind.Unprocessable,
            () => FundSourceDecider.Register(Guid.NewGuid(), new RegisterFundSource("小额信贷", FundSourceKind.MicroCredit, 2019, "X"), Ctx()));
        var legacy = Sources.Source() with { Kind = FundSourceKind.MicroCredit };
        Expect.Rule("micro-credit-is-household-loans", RejectionKind.Unprocessable,
            () => FundSourceDecider.Allocate(Guid.NewGuid(), new AllocateFunds(Id, 1m, "D", D("2019-02-10")), legacy, Approved_(), Ctx()));
        Assert.NotNull(FundSourceDecider.PaySubsidy(Guid.NewGuid(), c, legacy, h, false, false, Ctx()));
        var project = Fold(Registered(), Approved(), Builder());
        Expect.Rule("micro-credit-is-household-loans", RejectionKind.Unprocessable, () => ProjectDecider.Disburse(Guid.NewGuid(),
            new DisburseFunds(Sources.SourceId, 1m, DisbursementKind.Progress, "V-1", D("2019-04-01")), project,
            new PaymentSource(Sources.Ref with { Kind = FundSourceKind.MicroCredit }, 100m, D("2019-02-10")), false, Ctx()));
    }
}
