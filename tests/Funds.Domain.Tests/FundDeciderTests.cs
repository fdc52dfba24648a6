using Funds.Domain.Common;
using Funds.Domain.Funds;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class FundRules
{
    private static readonly Guid SourceId = Guid.Parse("0190c3b2-0000-7000-8000-0000000000f1");

    private static FundSource Source(decimal received = 1_000_000m, params object[] more)
    {
        object[] events =
        [
            new FundSourceRegistered(SourceId, "中央专项扶贫资金", FundSourceKind.SpecialPovertyFund, 2019, "鄂财农发1号", D("2019-01-05"), Hq, Now),
            new FundsReceived(SourceId, received, "到位1号", D("2019-01-20"), Hq, Now),
            .. more,
        ];
        return events.Aggregate((FundSource?)null, FundSource.Evolve)!;
    }

    private static FundsAllocated Allocation(Project p, decimal amount) => new(SourceId, Guid.NewGuid(),
        new SourceRef(SourceId, "中央专项扶贫资金", FundSourceKind.SpecialPovertyFund, 2019), ProjectRef.Of(p), amount, "建财预8号", D("2019-02-10"), Hq, Now);

    private static DisburseFunds Pay(decimal amount, DisbursementKind kind = DisbursementKind.Progress)
        => new(SourceId, amount, kind, "JSCZ-1", D("2019-04-01"));

    private static (Project, FundSource) Funded(Project p, decimal allocated = 900_000m) => (p, Source(1_000_000m, Allocation(p, allocated)));

    private static Project Paid(Project p, decimal amount, DisbursementKind kind = DisbursementKind.Progress)
        => Project.Evolve(p, new FundsDisbursed(p.Id, Guid.NewGuid(), new SourceRef(SourceId, "s", FundSourceKind.SpecialPovertyFund, 2019),
            ProjectRef.Of(p), amount, kind, new Payee("路桥公司", Code), null, "V", D("2019-04-01"), Hq, Now))!;

    [Fact]
    public void receipts_raise_the_unallocated_balance()
    {
        var s = Source(500_000m);
        var e = FundDecider.Receive(new ReceiveFunds(250_000.25m, "到位2号", D("2019-03-01")), s, Ctx());
        Assert.Equal(750_000.25m, FundSource.Evolve(s, e)!.Unallocated);
    }

    [Fact]
    public void allocation_only_to_approved_projects_and_within_the_unallocated_balance()
    {
        var s = Source(1_000_000m);
        var cmd = new AllocateFunds(Id, 1_000_000m, "建财预8号", D("2019-02-10"));
        Assert.Equal(1_000_000m, FundDecider.Allocate(Guid.NewGuid(), cmd, s, Approved_(), Ctx()).Amount);
        Expect.Rule("source-balance-exceeded", RejectionKind.Unprocessable, () => FundDecider.Allocate(Guid.NewGuid(), cmd with { Amount = 1_000_000.01m }, s, Approved_(), Ctx()));
        Expect.Rule("allocation-requires-approved-project", RejectionKind.Conflict, () => FundDecider.Allocate(Guid.NewGuid(), cmd, s, Registered_(), Ctx()));
        Expect.Rule("allocation-requires-approved-project", RejectionKind.Conflict, () => FundDecider.Allocate(Guid.NewGuid(), cmd, s, Cancelled_(), Ctx()));
        Expect.Rule("project-not-found", RejectionKind.Unprocessable, () => FundDecider.Allocate(Guid.NewGuid(), cmd, s, null, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => FundDecider.Allocate(Guid.NewGuid(), cmd with { AllocatedOn = D("2019-01-31") }, s, Approved_(), Ctx()));
    }

    [Fact]
    public void an_allocation_is_reduced_only_by_what_is_not_yet_paid()
    {
        var p = WithBuilder();
        var s = Source(1_000_000m, Allocation(p, 300_000m), new AllocationDrawn(SourceId, Guid.NewGuid(), p.Id, 100_000m, D("2019-04-01"), Hq, Now));
        var cmd = new ReduceAllocation(p.Id, 200_000m, AllocationChange.Reclaimed, "结余收回", D("2019-08-01"));
        var e = FundDecider.Reduce(cmd, s, p, Ctx());
        Assert.Equal(900_000m, FundSource.Evolve(s, e)!.Unallocated);
        Expect.Rule("allocation-below-disbursed", RejectionKind.Unprocessable, () => FundDecider.Reduce(cmd with { Amount = 200_000.01m }, s, p, Ctx()));
        Expect.Invalid(() => FundDecider.Reduce(cmd with { Reason = "" }, s, p, Ctx()), "reason");
        Expect.Rule("no-allocation", RejectionKind.Conflict, () => FundDecider.Reduce(cmd, Source(), p, Ctx()));
    }

    [Fact]
    public void a_disbursement_pays_the_builder_and_draws_on_the_allocation()
    {
        var (p, s) = Funded(WithBuilder());
        var (paid, drawn) = FundDecider.Disburse(Guid.NewGuid(), Pay(100_000m), p, s, Ctx());
        Assert.Equal(new Payee("路桥公司", Code), paid.Payee);
        Assert.Equal(paid.DisbursementId, drawn.DisbursementId);
        Assert.Equal(paid.Amount, drawn.Amount);
        Assert.Equal(800_000m, FundSource.Evolve(s, drawn)!.AllocationFor(p.Id)!.Available);
    }

    [Fact]
    public void per_source_disbursed_stays_within_the_allocation()
    {
        var (p, s) = Funded(WithBuilder(), allocated: 100_000m);
        FundDecider.Disburse(Guid.NewGuid(), Pay(100_000m), p, s, Ctx());
        Expect.Rule("allocation-exceeded", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(100_000.01m), p, s, Ctx()));
        Expect.Rule("no-allocation", RejectionKind.Conflict, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m), p, Source(), Ctx()));
        Expect.Rule("fund-source-not-found", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m), p, null, Ctx()));
    }

    [Fact]
    public void progress_payments_before_sign_off_are_capped_at_70_percent_of_the_contract()
    {
        var (p, s) = Funded(WithBuilder()); // contract 900,000 → cap 630,000
        FundDecider.Disburse(Guid.NewGuid(), Pay(630_000m), p, s, Ctx());
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(630_000.01m), p, s, Ctx()));
        var partly = Paid(p, 600_000m);
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(30_000.01m), partly, s, Ctx()));
    }

    [Fact]
    public void the_cap_share_is_configurable()
    {
        var (p, s) = Funded(WithBuilder());
        var strict = Ctx() with { Rules = new ProjectRules { ProgressPaymentCap = 0.5m } };
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(450_000.01m), p, s, strict));
    }

    [Fact]
    public void final_payment_only_after_sign_off_and_never_beyond_the_contract()
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Rule("final-payment-requires-sign-off", RejectionKind.Conflict,
            () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m, DisbursementKind.Final), Completed_(), s, Ctx()));
        var accepted = Paid(Accepted(), 600_000m);
        FundDecider.Disburse(Guid.NewGuid(), Pay(300_000m, DisbursementKind.Final) with { PaidOn = D("2019-07-01") }, accepted, s, Ctx());
        Expect.Rule("contract-exceeded", RejectionKind.Unprocessable,
            () => FundDecider.Disburse(Guid.NewGuid(), Pay(300_000.01m, DisbursementKind.Final) with { PaidOn = D("2019-07-01") }, accepted, s, Ctx()));
    }

    [Fact]
    public void after_settlement_the_settled_amount_is_the_ceiling()
    {
        var settled = Paid(Settled_(), 600_000m); // settled at 880,000
        var s = Source(1_000_000m, Allocation(settled, 900_000m));
        Expect.Rule("contract-exceeded", RejectionKind.Unprocessable,
            () => FundDecider.Disburse(Guid.NewGuid(), Pay(280_000.01m, DisbursementKind.Final) with { PaidOn = D("2019-07-20") }, settled, s, Ctx()));
    }

    [Fact]
    public void nothing_is_paid_without_a_contract_or_for_a_cancelled_project()
    {
        var s = Source();
        Expect.Rule("disbursement-requires-contract", RejectionKind.Conflict, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m), Approved_(), s, Ctx()));
        Expect.Rule("project-cancelled", RejectionKind.Conflict, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m), Cancelled_(), s, Ctx()));
    }

    [Fact]
    public void another_payee_needs_a_valid_code_and_a_reason()
    {
        var (p, s) = Funded(WithBuilder());
        var other = Pay(1m) with { PayeeName = "农民工工资专户", PayeeCreditCode = OtherCode };
        Expect.Invalid(() => FundDecider.Disburse(Guid.NewGuid(), other, p, s, Ctx()), "payeeReason");
        Expect.Invalid(() => FundDecider.Disburse(Guid.NewGuid(), other with { PayeeCreditCode = "123", PayeeReason = "r" }, p, s, Ctx()), "payeeCreditCode");
        Assert.Equal(OtherCode, FundDecider.Disburse(Guid.NewGuid(), other with { PayeeReason = "代发工资" }, p, s, Ctx()).Paid.Payee.CreditCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.005)]
    public void amounts_are_positive_yuan_and_fen(decimal amount)
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Invalid(() => FundDecider.Disburse(Guid.NewGuid(), Pay(amount), p, s, Ctx()), "amount");
    }

    [Fact]
    public void payment_date_is_not_in_the_future_nor_before_the_allocation()
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Rule("date-in-future", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m) with { PaidOn = D("2020-01-16") }, p, s, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => FundDecider.Disburse(Guid.NewGuid(), Pay(1m) with { PaidOn = D("2019-02-09") }, p, s, Ctx()));
    }
}
