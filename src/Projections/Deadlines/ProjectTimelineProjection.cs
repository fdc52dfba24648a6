using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Funds.Projections.Deadlines;

/// <summary>Per project, the dated facts deadlines are judged on, with their recorded times. Inline:
/// one stream per document, so it is as current as the project itself.</summary>
public partial class ProjectTimelineProjection : SingleStreamProjection<ProjectTimeline, Guid>
{
    public ProjectTimelineProjection()
    {
        IncludeType<ProjectRegistered>();
        IncludeType<ConstructionStarted>();
        IncludeType<ConstructionCompleted>();
        IncludeType<AcceptanceRefused>();
        IncludeType<ProjectCancelled>();
        IncludeType<DeadlineMissed>();
    }

    public override ProjectTimeline? Evolve(ProjectTimeline? snapshot, Guid id, IEvent e) => ProjectTimeline.Evolve(snapshot, e.Data);
}
