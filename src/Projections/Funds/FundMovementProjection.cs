using Funds.Domain.Common;
using Funds.Domain.Funds;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Funds;

/// <summary>One row per money movement with every dimension a report groups by and every detail a
/// trail shows: the flat table behind /api/reports/funds and the fund-source and payee trails (which,
/// unlike a per-project trail, grow without bound and so are not kept as one document). Allocation
/// reductions are stored as negative allocations.</summary>
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
    public string ProjectName { get; init; } = "";
    public decimal Received { get; init; }
    public decimal Allocated { get; init; }
    public decimal Disbursed { get; init; }
    public DateOnly BusinessDate { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Actor By { get; init; } = Actor.System;
    public string? PayeeName { get; init; }
    public string? PayeeCreditCode { get; init; }
    public string? VoucherNo { get; init; }
    public string? DocumentRef { get; init; }
    public string? Note { get; init; }

    /// <summary>The amount that moved, positive; <see cref="Type"/> says which way.</summary>
    public decimal Amount => Type switch
    {
        FundingEntryType.Receipt => Received,
        FundingEntryType.Disbursement => Disbursed,
        _ => Math.Abs(Allocated),
    };
}

public partial class FundMovementProjection : EventProjection
{
    public FundMovement Create(IEvent<FundsReceived> e) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Type = FundingEntryType.Receipt, FundSourceId = e.Data.FundSourceId, Received = e.Data.Amount,
        BusinessDate = e.Data.ReceivedOn, RecordedAt = e.Data.RecordedAt, By = e.Data.By, DocumentRef = e.Data.DocumentRef,
    };

    public FundMovement Create(IEvent<FundsAllocated> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.Allocation) with
    {
        Allocated = e.Data.Amount, BusinessDate = e.Data.AllocatedOn, DocumentRef = e.Data.DocumentRef,
    };

    public FundMovement Create(IEvent<AllocationReduced> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.AllocationReduction) with
    {
        Allocated = -e.Data.Amount, BusinessDate = e.Data.ReducedOn, Note = $"{e.Data.Change}: {e.Data.Reason}",
    };

    public FundMovement Create(IEvent<FundsDisbursed> e) => Row(e, e.Data.Source, e.Data.Project, FundingEntryType.Disbursement) with
    {
        Disbursed = e.Data.Amount, BusinessDate = e.Data.PaidOn, PayeeName = e.Data.Payee.Name, PayeeCreditCode = e.Data.Payee.CreditCode,
        VoucherNo = e.Data.VoucherNo, Note = e.Data.PayeeReason,
    };

    private static FundMovement Row(IEvent e, SourceRef s, ProjectRef p, FundingEntryType type) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Type = type, FundSourceId = s.FundSourceId, SourceName = s.Name, SourceKind = s.Kind, FiscalYear = s.FiscalYear,
        ProjectId = p.ProjectId, ProjectName = p.Name, Township = p.Township, Village = p.Village, Category = p.Category, PlanYear = p.PlanYear,
        RecordedAt = ((IRecordedEvent)e.Data).RecordedAt, By = ((IRecordedEvent)e.Data).By,
    };
}
