using Funds.Domain.Common;
using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

/// <summary>The project funding trail (资金流向): every allocation to the project and every
/// disbursement from it, in the order recorded, with running totals.</summary>
public sealed record ProjectFunding
{
    public Guid Id { get; init; }
    public string ProjectName { get; init; } = "";
    public string Township { get; init; } = "";
    public string Village { get; init; } = "";
    public string Category { get; init; } = "";
    public int PlanYear { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    public IReadOnlyList<FundingEntry> Entries { get; init; } = [];
}

/// <summary>Asynchronous: it folds events from many fund-source streams into one document per project,
/// which inline projections could not do safely under concurrent writers.</summary>
public partial class ProjectFundingProjection : MultiStreamProjection<ProjectFunding, Guid>
{
    public ProjectFundingProjection()
    {
        Identity<FundsAllocated>(e => e.Project.ProjectId);
        Identity<AllocationReduced>(e => e.Project.ProjectId);
        Identity<FundsDisbursed>(e => e.ProjectId);
    }

    public override ProjectFunding? Evolve(ProjectFunding? snapshot, Guid id, IEvent e)
    {
        var s = snapshot ?? new ProjectFunding { Id = id };
        return e.Data switch
        {
            FundsAllocated a => Add(Describe(s, a.Project), e, FundingEntryType.Allocation, a.Source, a.Amount, null, a.DocumentRef, null, a.AllocatedOn, +a.Amount, 0m),
            AllocationReduced r => Add(Describe(s, r.Project), e, FundingEntryType.AllocationReduction, r.Source, r.Amount, null, null, $"{r.Change}: {r.Reason}", r.ReducedOn, -r.Amount, 0m),
            FundsDisbursed d => Add(Describe(s, d.Project), e, FundingEntryType.Disbursement, d.Source, d.Amount, d, null, d.PayeeReason, d.PaidOn, 0m, +d.Amount),
            _ => s,
        };
    }

    private static ProjectFunding Describe(ProjectFunding s, ProjectRef p)
        => s with { ProjectName = p.Name, Township = p.Township, Village = p.Village, Category = p.Category, PlanYear = p.PlanYear };

    private static ProjectFunding Add(ProjectFunding s, IEvent e, FundingEntryType type, SourceRef source, decimal amount, FundsDisbursed? paid,
        string? document, string? note, DateOnly on, decimal allocatedDelta, decimal disbursedDelta)
    {
        var recorded = (IRecordedEvent)e.Data;
        var allocated = s.Allocated + allocatedDelta;
        var disbursed = s.Disbursed + disbursedDelta;
        var entry = new FundingEntry(e.Sequence, type, source.FundSourceId, source.Name, s.Id, s.ProjectName, amount,
            paid?.Payee.Name, paid?.Payee.CreditCode, paid?.VoucherNo, document, note, on, recorded.RecordedAt, recorded.By,
            allocated, 0m, disbursed);
        return s with { Allocated = allocated, Disbursed = disbursed, Entries = [.. s.Entries, entry] };
    }
}
