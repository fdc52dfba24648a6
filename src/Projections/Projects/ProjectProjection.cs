using Funds.Domain.Projects;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.Projects;

/// <summary>Keeps the <see cref="Project"/> document (one per project stream) up to date in the
/// same transaction as the events, so reads after a write see it. The fold is the Domain's.</summary>
public partial class ProjectProjection : SingleStreamProjection<Project, Guid>
{
    public ProjectProjection()
    {
        // Only project-stream events: otherwise every fund-source or finding event would make Marten
        // load (and delete) a Project document that cannot exist.
        IncludeType<ProjectRegistered>();
        IncludeType<ProjectApproved>();
        IncludeType<BuilderSelected>();
        IncludeType<BuilderChanged>();
        IncludeType<ConstructionStarted>();
        IncludeType<ConstructionCompleted>();
        IncludeType<AcceptanceSignedOff>();
        IncludeType<AcceptanceRefused>();
        IncludeType<ProjectSettled>();
        IncludeType<ProjectCancelled>();
        IncludeType<OperatingEntityAssigned>();
        IncludeType<IncomeDistributed>();
        IncludeType<PeriodicReviewRecorded>();
        IncludeType<DeadlineMissed>();
        IncludeType<FundsDisbursed>();
        IncludeType<ProjectScreened>();
        IncludeType<ProjectAssessed>();
        IncludeType<SubcontractDeclared>();
        IncludeType<PaymentExceptionRequested>();
        IncludeType<PaymentExceptionApproved>();
        IncludeType<InspectionRecorded>();
        IncludeType<AssetRegistered>();
        IncludeType<AssetHandedOver>();
        IncludeType<AssetUpkeepChecked>();
        IncludeType<DangerousHouseListed>();
        IncludeType<DangerousHouseClosed>();
        IncludeType<BenefitLinked>();
        IncludeType<BenefitLinkEnded>();
        IncludeType<HouseholdIncomeDistributed>();
    }

    public override Project? Evolve(Project? snapshot, Guid id, IEvent e)
    {
        var next = Project.Evolve(snapshot, e.Data);
        return next is null ? null : next with { Version = (int)e.Version };
    }
}
