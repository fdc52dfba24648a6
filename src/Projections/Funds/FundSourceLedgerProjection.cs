using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

public sealed record ProjectShare(Guid ProjectId, string ProjectName, string Township, string Village, decimal Allocated, decimal Disbursed)
{
    public decimal Remaining => Allocated - Disbursed;
}

/// <summary>The fund-source ledger (资金台账): received, allocated and disbursed, per project, with
/// balances. Its lines (the source trail) are the source's FundMovement rows.</summary>
public sealed record FundSourceLedger
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public FundSourceKind Kind { get; init; }
    public int FiscalYear { get; init; }
    public string DocumentRef { get; init; } = "";
    public decimal Received { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    /// <summary>Received and not yet allocated.</summary>
    public decimal Unallocated => Received - Allocated;
    /// <summary>Allocated and not yet paid out.</summary>
    public decimal AllocatedNotDisbursed => Allocated - Disbursed;
    /// <summary>Received and not yet paid out (到位未拨付).</summary>
    public decimal Balance => Received - Disbursed;
    public IReadOnlyList<ProjectShare> Projects { get; init; } = [];
}

/// <summary>Asynchronous, like the project trail: payments come from project streams.</summary>
public partial class FundSourceLedgerProjection : MultiStreamProjection<FundSourceLedger, Guid>
{
    public FundSourceLedgerProjection()
    {
        Identity<FundSourceRegistered>(e => e.FundSourceId);
        Identity<FundsReceived>(e => e.FundSourceId);
        Identity<FundsAllocated>(e => e.FundSourceId);
        Identity<AllocationReduced>(e => e.FundSourceId);
        Identity<FundsDisbursed>(e => e.Source.FundSourceId);
    }

    public override FundSourceLedger? Evolve(FundSourceLedger? snapshot, Guid id, IEvent e)
    {
        var s = snapshot ?? new FundSourceLedger { Id = id };
        return e.Data switch
        {
            FundSourceRegistered r => s with { Name = r.Name, Kind = r.Kind, FiscalYear = r.FiscalYear, DocumentRef = r.DocumentRef },
            FundsReceived r => s with { Received = s.Received + r.Amount },
            FundsAllocated a => Share(s with { Allocated = s.Allocated + a.Amount }, a.Project, a.Amount, 0m),
            AllocationReduced r => Share(s with { Allocated = s.Allocated - r.Amount }, r.Project, -r.Amount, 0m),
            FundsDisbursed d => Share(s with { Disbursed = s.Disbursed + d.Amount }, d.Project, 0m, d.Amount),
            _ => s,
        };
    }

    private static FundSourceLedger Share(FundSourceLedger s, ProjectRef p, decimal allocated, decimal disbursed)
    {
        var found = false;
        var shares = s.Projects.Select(x =>
        {
            if (x.ProjectId != p.ProjectId) return x;
            found = true;
            return x with { Allocated = x.Allocated + allocated, Disbursed = x.Disbursed + disbursed };
        }).ToList();
        if (!found) shares.Add(new ProjectShare(p.ProjectId, p.Name, p.Township, p.Village, allocated, disbursed));
        return s with { Projects = shares };
    }

}
