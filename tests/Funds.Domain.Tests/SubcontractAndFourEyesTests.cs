using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class SubcontractRules
{
    private const string SubCode = "91422822MA49AB123M";
    private static readonly DeclareSubcontract Sub = new("建始县劳务公司", SubCode, "路基土方", 200_000m, D("2019-03-05"));

    [Fact]
    public void the_builder_of_record_subcontracts_one_level_deep()
    {
        var e = ProjectDecider.Subcontract(Guid.NewGuid(), Sub, WithBuilder(), Ctx());
        Assert.Equal((SubCode, 200_000m), (e.Subcontractor.CreditCode, e.Amount));
        var once = Project.Evolve(WithBuilder(), e)!;
        Assert.Single(once.Subcontracts);

        var second = Sub with { SubcontractorName = "转包公司", CreditCode = CreditCode.Complete("91422822MA4955XK2"[..17]) };
        Expect.Rule("layered-subcontracting", RejectionKind.Unprocessable,
            () => ProjectDecider.Subcontract(Guid.NewGuid(), second with { ContractorCreditCode = SubCode }, once, Ctx()));
        Expect.Rule("subcontractor-already-on-project", RejectionKind.Unprocessable, () => ProjectDecider.Subcontract(Guid.NewGuid(), Sub, once, Ctx()));
        Expect.Rule("subcontracts-exceed-contract", RejectionKind.Unprocessable,
            () => ProjectDecider.Subcontract(Guid.NewGuid(), Sub with { Amount = 900_000.01m }, WithBuilder(), Ctx()));
        Expect.Rule("subcontract-requires-builder", RejectionKind.Conflict, () => ProjectDecider.Subcontract(Guid.NewGuid(), Sub, Approved_(), Ctx()));
        Expect.Invalid(() => ProjectDecider.Subcontract(Guid.NewGuid(), Sub with { CreditCode = "x", Scope = "" }, WithBuilder(), Ctx()), "creditCode", "scope");
    }
}

public class FourEyesRules
{
    private static readonly Actor Li = new("caiwu-li", "finance");
    private static readonly Actor Zhao = new("caiwu-zhao", "finance");
    private static DecisionContext As(Actor a, CountyPolicy? policy = null) => new(a, Now, policy ?? Given.Policy);
    private static readonly RequestPaymentException ToWorkers = new("农民工工资专户", OtherCode, 50_000m, "代发农民工工资", D("2019-04-01"));
    private static DisburseFunds Pay(decimal amount, Guid? exception = null, string? payeeCode = OtherCode)
        => new(Sources.SourceId, amount, DisbursementKind.Progress, "JSCZ-9", D("2019-04-02"), payeeCode is null ? null : "农民工工资专户", payeeCode, null, exception);

    private static (Project, FundSource) Funded() { var p = WithBuilder(); return (p, Sources.Source(1_000_000m, Sources.Allocation(p, 900_000m))); }

    [Fact]
    public void another_payee_is_paid_only_on_an_exception_asked_by_one_finance_user_and_approved_by_another()
    {
        var (p, s) = Funded();
        var asked = ProjectDecider.RequestException(Guid.NewGuid(), ToWorkers, p, As(Li));
        Assert.Equal([PaymentExceptionGround.OtherPayee], asked.Grounds);
        var pending = Project.Evolve(p, asked)!;
        Expect.Rule("payment-exception-not-approved", RejectionKind.Conflict,
            () => ProjectDecider.Disburse(Guid.NewGuid(), Pay(50_000m, asked.ExceptionId), pending, s.ForPayment(p.Id), false, As(Li)));
        Expect.Rule("four-eyes", RejectionKind.Forbidden,
            () => ProjectDecider.ApproveException(new ApprovePaymentException(asked.ExceptionId, D("2019-04-01")), pending, As(Li)));

        var approved = Project.Evolve(pending, ProjectDecider.ApproveException(new ApprovePaymentException(asked.ExceptionId, D("2019-04-01")), pending, As(Zhao)))!;
        Expect.Rule("payment-exception-mismatch", RejectionKind.Unprocessable,
            () => ProjectDecider.Disburse(Guid.NewGuid(), Pay(50_000.01m, asked.ExceptionId), approved, s.ForPayment(p.Id), false, As(Li)));
        var paid = ProjectDecider.Disburse(Guid.NewGuid(), Pay(50_000m, asked.ExceptionId), approved, s.ForPayment(p.Id), false, As(Li));
        Assert.Equal((asked.ExceptionId, "代发农民工工资"), (paid.PaymentExceptionId!.Value, paid.PayeeReason));
        var after = Project.Evolve(approved, paid)!;
        Assert.Equal(paid.DisbursementId, after.PaymentExceptions.Single().DisbursementId);
        Expect.Rule("payment-exception-used", RejectionKind.Conflict,
            () => ProjectDecider.Disburse(Guid.NewGuid(), Pay(1m, asked.ExceptionId), after, s.ForPayment(p.Id), false, As(Li)));
    }

    [Fact]
    public void builder_and_declared_subcontractors_need_no_exception_below_the_four_eyes_amount()
    {
        var (p, s) = Funded();
        Expect.Rule("payment-exception-not-needed", RejectionKind.Unprocessable,
            () => ProjectDecider.RequestException(Guid.NewGuid(), ToWorkers with { PayeeName = null, PayeeCreditCode = null }, p, As(Li)));
        var sub = Project.Evolve(p, ProjectDecider.Subcontract(Guid.NewGuid(), new DeclareSubcontract("劳务公司", OtherCode, "土方", 100_000m, D("2019-03-01")), p, Ctx()))!;
        Assert.Equal(OtherCode, ProjectDecider.Disburse(Guid.NewGuid(), Pay(50_000m), sub, s.ForPayment(p.Id), false, As(Li)).Payee.CreditCode);
    }

    [Fact]
    public void a_payment_above_the_four_eyes_amount_needs_an_exception_even_to_the_builder()
    {
        var (p, s) = Funded();
        var policy = Given.Policy with { FourEyesAmount = 100_000m };
        Expect.Rule("payment-exception-required", RejectionKind.Unprocessable,
            () => ProjectDecider.Disburse(Guid.NewGuid(), Pay(100_000.01m, payeeCode: null), p, s.ForPayment(p.Id), false, As(Li, policy)));
        ProjectDecider.Disburse(Guid.NewGuid(), Pay(100_000m, payeeCode: null), p, s.ForPayment(p.Id), false, As(Li, policy));
        var asked = ProjectDecider.RequestException(Guid.NewGuid(), ToWorkers with { PayeeName = null, PayeeCreditCode = null, Amount = 200_000m }, p, As(Li, policy));
        Assert.Equal([PaymentExceptionGround.AboveFourEyesAmount], asked.Grounds);
    }
}
