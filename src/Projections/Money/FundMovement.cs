using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Projections.Money;

/// <summary>One row per money movement with every dimension a report groups by and every detail a
/// trail shows: the one model behind the project, fund-source and payee trails and /api/reports/funds.
/// Allocation reductions are stored as negative allocations.</summary>
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
    /// <summary>An interest subsidy (贴息) on a household loan paid from the source (no project).</summary>
    public decimal Subsidised { get; init; }
    public DateOnly BusinessDate { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public Actor By { get; init; } = Actor.System;
    public string? PayeeName { get; init; }
    public string? PayeeCreditCode { get; init; }
    public string? VoucherNo { get; init; }
    public string? DocumentRef { get; init; }
    public string? Note { get; init; }
    /// <summary>Disbursements: progress or final payment (since version 2 of the projection).</summary>
    public DisbursementKind? PaymentKind { get; init; }

    /// <summary>The amount that moved, positive; <see cref="Type"/> says which way.</summary>
    public decimal Amount => Type switch
    {
        FundingEntryType.Receipt => Received,
        FundingEntryType.Disbursement => Disbursed,
        FundingEntryType.InterestSubsidy => Subsidised,
        _ => Math.Abs(Allocated),
    };
}
