using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

/// <summary>One row per money movement with every dimension a report groups by: the flat table
/// behind /api/reports/funds. Allocation reductions are stored as negative allocations.</summary>
public sealed record FundMovement
{
    public Guid Id { get; init; }
    public long Sequence { get; init; }
    public FundingEntryType Type { get; init; }
    public Guid FundSourceId { get; init; }
    public string SourceName { get; init; } = "";
    public FundSourceKind SourceKind { get; init; }
    public int FiscalYear { get; init; }
    public Guid ProjectId { get; init; }
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public string Category { get; init; } = "";
    public int PlanYear { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    public DateOnly BusinessDate { get; init; }
}

public partial class FundMovementProjection : EventProjection
{
    public FundMovement Create(IEvent<FundsAllocated> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.Allocation, e.Data.Amount, 0m, e.Data.AllocatedOn);

    public FundMovement Create(IEvent<AllocationReduced> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.AllocationReduction, -e.Data.Amount, 0m, e.Data.ReducedOn);

    public FundMovement Create(IEvent<FundsDisbursed> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.Disbursement, 0m, e.Data.Amount, e.Data.PaidOn);

    private static FundMovement Row(IEvent e, SourceRef s, ProjectRef p, FundingEntryType type, decimal allocated, decimal disbursed, DateOnly on) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Type = type, FundSourceId = s.FundSourceId, SourceName = s.Name, SourceKind = s.Kind, FiscalYear = s.FiscalYear,
        ProjectId = p.ProjectId, Township = p.Township, Village = p.Village, Category = p.Category, PlanYear = p.PlanYear,
        Allocated = allocated, Disbursed = disbursed, BusinessDate = on,
    };
}
