using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using JasperFx.Events;
using Marten.Events.Projections;

namespace Funds.Projections.Money;

/// <summary>Asynchronous: a row per money event, from fund-source and project streams alike.
/// <para>Version 2 adds the payment kind to disbursement rows. A new version is built beside the live one: its rows go
/// to a table of their own (<c>mt_doc_fundmovement_2</c>) and its progress is a shard of its own, so a deployment of
/// version 2 rebuilds from the first event while version 1 keeps serving from its table (docs/evolution.md).</para></summary>
public partial class FundMovementProjection : EventProjection
{
    /// <summary>Raise it whenever a change to the rows needs them all rebuilt.</summary>
    public const uint CurrentVersion = 2;

    public FundMovementProjection() => Version = CurrentVersion;

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
        VoucherNo = e.Data.VoucherNo, Note = e.Data.PayeeReason, PaymentKind = e.Data.Kind,
    };

    public FundMovement Create(IEvent<InterestSubsidyPaid> e) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Type = FundingEntryType.InterestSubsidy, FundSourceId = e.Data.FundSourceId, SourceName = e.Data.Source.Name,
        SourceKind = e.Data.Source.Kind, FiscalYear = e.Data.Source.FiscalYear, Township = e.Data.Household.Township, Village = e.Data.Household.Village,
        Subsidised = e.Data.Amount, BusinessDate = e.Data.PaidOn, RecordedAt = e.Data.RecordedAt, By = e.Data.By, VoucherNo = e.Data.VoucherNo,
        Note = $"贴息 {e.Data.Period}: household {e.Data.Household.Code}, loan {e.Data.LoanId}",
    };

    private static FundMovement Row(IEvent e, SourceRef s, ProjectRef p, FundingEntryType type) => new()
    {
        Id = e.Id, Sequence = e.Sequence, Type = type, FundSourceId = s.FundSourceId, SourceName = s.Name, SourceKind = s.Kind, FiscalYear = s.FiscalYear,
        ProjectId = p.ProjectId, ProjectName = p.Name, Township = p.Township, Village = p.Village, Category = p.Category, PlanYear = p.PlanYear,
        RecordedAt = ((IRecordedEvent)e.Data).RecordedAt, By = ((IRecordedEvent)e.Data).By,
    };
}
