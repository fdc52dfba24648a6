using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class PaymentRules
{
    private static DisburseFunds Pay(decimal amount, DisbursementKind kind = DisbursementKind.Progress)
        => new(Sources.SourceId, amount, kind, "JSCZ-1", D("2019-04-01"));

    private static FundsDisbursed Disburse(DisburseFunds c, Project p, FundSource? s, DecisionContext? ctx = null, bool voucherInUse = false)
        => ProjectDecider.Disburse(Guid.NewGuid(), c, p, s?.ForPayment(p.Id), voucherInUse, ctx ?? Ctx());

    private static (Project, FundSource) Funded(Project p, decimal allocated = 900_000m) => (p, Sources.Source(1_000_000m, Sources.Allocation(p, allocated)));

    [Fact]
    public void a_disbursement_pays_the_builder_and_is_folded_per_source()
    {
        var (p, s) = Funded(WithBuilder());
        var paid = Disburse(Pay(100_000m), p, s);
        Assert.Equal(new Payee("路桥公司", Code), paid.Payee);
        Assert.Equal(s.Ref, paid.Source);
        var after = Project.Evolve(p, paid)!;
        Assert.Equal((100_000m, 100_000m), (after.Disbursed, after.PaidFrom(s.Id)));
        Assert.Equal(0m, after.PaidFrom(Guid.NewGuid()));
    }

    [Fact]
    public void per_source_disbursed_stays_within_the_allocation_less_what_was_paid_from_it()
    {
        var (p, s) = Funded(WithBuilder(), allocated: 100_000m);
        Disburse(Pay(100_000m), p, s);
        Expect.Rule("allocation-exceeded", RejectionKind.Unprocessable, () => Disburse(Pay(100_000.01m), p, s));
        var partly = Sources.Paid(p, 60_000m);
        Disburse(Pay(40_000m), partly, s);
        Expect.Rule("allocation-exceeded", RejectionKind.Unprocessable, () => Disburse(Pay(40_000.01m), partly, s));
        Expect.Rule("no-allocation", RejectionKind.Conflict, () => Disburse(Pay(1m), p, Sources.Source()));
        Expect.Rule("fund-source-not-found", RejectionKind.Unprocessable, () => Disburse(Pay(1m), p, null));
    }

    [Fact]
    public void a_voucher_number_is_used_once()
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Rule("voucher-already-used", RejectionKind.Conflict, () => Disburse(Pay(1m), p, s, voucherInUse: true));
        Expect.Invalid(() => Disburse(Pay(1m) with { VoucherNo = new string('9', 51) }, p, s, voucherInUse: true), "voucherNo");
    }

    [Fact]
    public void progress_payments_before_sign_off_are_capped_by_county_policy()
    {
        var (p, s) = Funded(WithBuilder()); // contract 900,000 → cap 630,000
        Disburse(Pay(630_000m), p, s);
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => Disburse(Pay(630_000.01m), p, s));
        var partly = Sources.Paid(p, 600_000m);
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => Disburse(Pay(30_000.01m), partly, s));
        var strict = Ctx() with { Policy = Given.Policy with { ProgressPaymentCap = 0.5m } };
        Expect.Rule("progress-cap-exceeded", RejectionKind.Unprocessable, () => Disburse(Pay(450_000.01m), p, s, strict));
    }

    [Fact]
    public void final_payment_only_after_sign_off_and_never_beyond_the_contract()
    {
        var (_, s) = Funded(WithBuilder(), allocated: 1_000_000m);
        Expect.Rule("final-payment-requires-sign-off", RejectionKind.Conflict, () => Disburse(Pay(1m, DisbursementKind.Final), Completed_(), s));
        var accepted = Sources.Paid(Accepted(), 600_000m);
        Disburse(Pay(300_000m, DisbursementKind.Final) with { PaidOn = D("2019-07-01") }, accepted, s);
        Expect.Rule("contract-exceeded", RejectionKind.Unprocessable,
            () => Disburse(Pay(300_000.01m, DisbursementKind.Final) with { PaidOn = D("2019-07-01") }, accepted, s));
    }

    [Fact]
    public void after_settlement_the_settled_amount_is_the_ceiling()
    {
        var settled = Sources.Paid(Settled_(), 600_000m); // settled at 880,000
        var s = Sources.Source(1_000_000m, Sources.Allocation(settled, 900_000m));
        Expect.Rule("contract-exceeded", RejectionKind.Unprocessable,
            () => Disburse(Pay(280_000.01m, DisbursementKind.Final) with { PaidOn = D("2019-07-20") }, settled, s));
    }

    [Fact]
    public void nothing_is_paid_without_a_contract_or_for_a_cancelled_project()
    {
        var s = Sources.Source();
        Expect.Rule("disbursement-requires-contract", RejectionKind.Conflict, () => Disburse(Pay(1m), Approved_(), s));
        Expect.Rule("project-cancelled", RejectionKind.Conflict, () => Disburse(Pay(1m), Cancelled_(), s));
    }

    [Fact]
    public void another_payee_needs_a_valid_code_and_an_approved_payment_exception()
    {
        var (p, s) = Funded(WithBuilder());
        var other = Pay(1m) with { PayeeName = "农民工工资专户", PayeeCreditCode = OtherCode };
        Expect.Invalid(() => Disburse(other with { PayeeCreditCode = "123" }, p, s), "payeeCreditCode");
        Expect.Rule("payment-exception-required", RejectionKind.Unprocessable, () => Disburse(other with { PayeeReason = "代发工资" }, p, s));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0.005)]
    public void amounts_are_positive_yuan_and_fen(decimal amount)
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Invalid(() => Disburse(Pay(amount), p, s), "amount");
    }

    [Fact]
    public void payment_date_is_not_in_the_future_nor_before_the_allocation()
    {
        var (p, s) = Funded(WithBuilder());
        Expect.Rule("date-in-future", RejectionKind.Unprocessable, () => Disburse(Pay(1m) with { PaidOn = D("2020-01-16") }, p, s));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable, () => Disburse(Pay(1m) with { PaidOn = D("2019-02-09") }, p, s));
    }
}
