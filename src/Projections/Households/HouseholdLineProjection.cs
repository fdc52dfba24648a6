using System.Security.Cryptography;
using Funds.Domain.FundSources;
using Funds.Domain.Households;
using Funds.Domain.Projects;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Funds.Projections.Households;

/// <summary>Asynchronous: the lines of every household's trail, from project, household and fund-source streams.</summary>
public partial class HouseholdLineProjection : EventProjection
{
    public HouseholdLine Create(IEvent<BenefitLinked> e) => Line(e, e.Data.Household, HouseholdLineType.LinkStarted, e.Data.LinkedOn) with
    {
        ProjectId = e.Data.ProjectId, LinkKind = e.Data.Kind, Amount = e.Data.ExpectedAnnualBenefit, Reference = e.Data.LinkId.ToString(), Note = e.Data.Note,
    };

    public HouseholdLine Create(IEvent<BenefitLinkEnded> e) => Line(e, e.Data.Household, HouseholdLineType.LinkEnded, e.Data.EndedOn) with
    {
        ProjectId = e.Data.ProjectId, Reference = e.Data.LinkId.ToString(), Note = e.Data.Reason,
    };

    public void Project(IEvent<HouseholdIncomeDistributed> e, IDocumentOperations ops)
    {
        var i = 0;
        foreach (var share in e.Data.Shares)
            ops.Store(Line(e, share.Household, HouseholdLineType.IncomeShare, e.Data.DistributedOn) with
            {
                Id = Derived(e.Id, i++), ProjectId = e.Data.ProjectId, ProjectName = e.Data.Project.Name, Period = e.Data.Period, StatusThen = share.Status,
                Amount = share.Amount, Reference = e.Data.DistributionId.ToString(), Note = e.Data.Rule.Name,
            });
    }

    public HouseholdLine Create(IEvent<LoanIssued> e) => Own(e, e.Data.HouseholdId, HouseholdLineType.LoanIssued, e.Data.IssuedOn) with
    {
        LoanId = e.Data.LoanId, Amount = e.Data.Amount, ProjectId = e.Data.ProjectId, ProjectName = e.Data.ProjectName, Reference = e.Data.ContractNo,
        Note = $"{e.Data.Bank}: {e.Data.Purpose} ({e.Data.TermMonths} months, due {e.Data.DueOn:yyyy-MM-dd})",
    };

    public HouseholdLine Create(IEvent<LoanRepaid> e) => Own(e, e.Data.HouseholdId, HouseholdLineType.LoanRepaid, e.Data.RepaidOn) with
    {
        LoanId = e.Data.LoanId, Amount = e.Data.Amount,
    };

    public HouseholdLine Create(IEvent<LoanExtended> e) => Own(e, e.Data.HouseholdId, HouseholdLineType.LoanExtended, e.Data.ExtendedOn) with
    {
        LoanId = e.Data.LoanId, Note = $"due {e.Data.NewDueOn:yyyy-MM-dd}: {e.Data.Reason}",
    };

    public HouseholdLine Create(IEvent<LoanOverdue> e) => Own(e, e.Data.HouseholdId, HouseholdLineType.LoanOverdue, e.Data.ReportedOn) with
    {
        LoanId = e.Data.LoanId, Amount = e.Data.Outstanding,
    };

    public HouseholdLine Create(IEvent<InterestSubsidyPaid> e) => Line(e, e.Data.Household, HouseholdLineType.InterestSubsidy, e.Data.PaidOn) with
    {
        LoanId = e.Data.LoanId, FundSourceId = e.Data.FundSourceId, SourceName = e.Data.Source.Name, Period = e.Data.Period, Amount = e.Data.Amount,
        Reference = e.Data.VoucherNo,
    };

    private static HouseholdLine Line(IEvent e, HouseholdRef h, HouseholdLineType type, DateOnly on) => Own(e, h.HouseholdId, type, on) with
    {
        Township = h.Township, Village = h.Village,
    };

    private static HouseholdLine Own(IEvent e, Guid household, HouseholdLineType type, DateOnly on) => new()
    {
        Id = e.Id, Sequence = e.Sequence, HouseholdId = household, Type = type, BusinessDate = on,
        RecordedAt = ((Funds.Domain.Common.IRecordedEvent)e.Data).RecordedAt, By = ((Funds.Domain.Common.IRecordedEvent)e.Data).By,
    };

    /// <summary>A fixed id for the n-th line one event makes.</summary>
    private static Guid Derived(Guid eventId, int n)
    {
        var bytes = MD5.HashData([.. eventId.ToByteArray(), .. BitConverter.GetBytes(n)]);
        return new Guid(bytes);
    }
}
