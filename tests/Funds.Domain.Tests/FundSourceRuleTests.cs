using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class FundSourceRules
{
    [Fact]
    public void receipts_raise_the_unallocated_balance()
    {
        var s = Sources.Source(500_000m);
        var e = FundSourceDecider.Receive(new ReceiveFunds(250_000.25m, "到位2号", D("2019-03-01")), s, Ctx());
        Assert.Equal(750_000.25m, FundSource.Evolve(s, e)!.Unallocated);
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => FundSourceDecider.Receive(new ReceiveFunds(1m, "到位2号", D("2019-01-04")), s, Ctx()));
        Expect.Invalid(() => FundSourceDecider.Receive(new ReceiveFunds(0m, "", D("2019-03-01")), s, Ctx()), "amount", "documentRef");
    }

    [Fact]
    public void allocation_only_to_approved_projects_and_within_the_unallocated_balance()
    {
        var s = Sources.Source(1_000_000m);
        var cmd = new AllocateFunds(Id, 1_000_000m, "建财预8号", D("2019-02-10"));
        Assert.Equal(1_000_000m, FundSourceDecider.Allocate(Guid.NewGuid(), cmd, s, Approved_(), Ctx()).Amount);
        Expect.Rule("source-balance-exceeded", RejectionKind.Unprocessable, () => FundSourceDecider.Allocate(Guid.NewGuid(), cmd with { Amount = 1_000_000.01m }, s, Approved_(), Ctx()));
        Expect.Rule("allocation-requires-approved-project", RejectionKind.Conflict, () => FundSourceDecider.Allocate(Guid.NewGuid(), cmd, s, Registered_(), Ctx()));
        Expect.Rule("allocation-requires-approved-project", RejectionKind.Conflict, () => FundSourceDecider.Allocate(Guid.NewGuid(), cmd, s, Cancelled_(), Ctx()));
        Expect.Rule("project-not-found", RejectionKind.Unprocessable, () => FundSourceDecider.Allocate(Guid.NewGuid(), cmd, s, null, Ctx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => FundSourceDecider.Allocate(Guid.NewGuid(), cmd with { AllocatedOn = D("2019-01-31") }, s, Approved_(), Ctx()));
    }

    [Fact]
    public void allocations_and_reductions_fold_into_the_per_project_share()
    {
        var p = WithBuilder();
        var s = Sources.Source(1_000_000m, Sources.Allocation(p, 300_000m), Sources.Allocation(p, 50_000m));
        Assert.Equal((350_000m, 650_000m), (s.AllocationFor(p.Id)!.Allocated, s.Unallocated));
        Assert.Equal(new PaymentSource(s.Ref, 350_000m, D("2019-02-10")), s.ForPayment(p.Id));
        Assert.Equal(new PaymentSource(s.Ref, 0m, null), s.ForPayment(Guid.NewGuid()));
    }

    [Fact]
    public void an_allocation_is_reduced_only_by_what_its_project_was_not_paid_from_it()
    {
        var p = Sources.Paid(WithBuilder(), 100_000m);
        var s = Sources.Source(1_000_000m, Sources.Allocation(p, 300_000m));
        var cmd = new ReduceAllocation(p.Id, 200_000m, AllocationChange.Reclaimed, "结余收回", D("2019-08-01"));
        var e = FundSourceDecider.Reduce(cmd, s, p, Ctx());
        Assert.Equal(900_000m, FundSource.Evolve(s, e)!.Unallocated);
        Expect.Rule("allocation-below-disbursed", RejectionKind.Unprocessable, () => FundSourceDecider.Reduce(cmd with { Amount = 200_000.01m }, s, p, Ctx()));
        Expect.Invalid(() => FundSourceDecider.Reduce(cmd with { Reason = "" }, s, p, Ctx()), "reason");
        Expect.Rule("no-allocation", RejectionKind.Conflict, () => FundSourceDecider.Reduce(cmd, Sources.Source(), p, Ctx()));
        Expect.Rule("no-allocation", RejectionKind.Conflict, () => FundSourceDecider.Reduce(cmd, s, null, Ctx()));
    }

    [Fact]
    public void payments_from_another_source_do_not_hold_back_this_one()
    {
        var p = Sources.Paid(WithBuilder(), 250_000m, Guid.NewGuid());
        var s = Sources.Source(1_000_000m, Sources.Allocation(p, 300_000m));
        Assert.Equal(300_000m, FundSourceDecider.Reduce(new ReduceAllocation(p.Id, 300_000m, AllocationChange.Reduced, "调减", D("2019-08-01")), s, p, Ctx()).Amount);
    }

    [Fact]
    public void registration_needs_a_name_a_kind_a_year_and_a_document()
    {
        var e = FundSourceDecider.Register(Sources.SourceId, new RegisterFundSource(" 中央专项 ", FundSourceKind.SpecialPovertyFund, 2019, "鄂财农发1号"), Ctx());
        Assert.Equal(("中央专项", D("2020-01-15")), (e.Name, e.RegisteredOn));
        Expect.Invalid(() => FundSourceDecider.Register(Sources.SourceId, new RegisterFundSource(null, (FundSourceKind)99, 1900, null), Ctx()),
            "name", "kind", "fiscalYear", "documentRef");
    }
}
