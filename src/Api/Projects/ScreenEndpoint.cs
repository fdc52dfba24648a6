namespace Funds.Api.Projects;

public static class ScreenEndpoint
{
    /// <summary>Screen the project (筛选), township HQ of its township: taken into the plan or left out, with the reason.
    /// Only before approval; a new screening replaces the last and needs a new assessment. A project is approved only
    /// once screened in and assessed feasible (a seed step: 申报、筛选、论证、审批).</summary>
    [WolverinePost("/api/projects/{id}/screening", OperationId = "ScreenProject")]
    public static (ProjectDetails, Events) Post(ScreenProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
