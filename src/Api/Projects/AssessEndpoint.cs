namespace Funds.Api.Projects;

public static class AssessEndpoint
{
    /// <summary>Assess the project (论证), township HQ of its township, after it is screened in: feasible or not with the
    /// conclusion, the poor households it is expected to reach, and its planned funding (kind of fund and amount per
    /// line). The approval records this funding plan.</summary>
    [WolverinePost("/api/projects/{id}/assessment", OperationId = "AssessProject")]
    public static (ProjectDetails, Events) Post(AssessProject command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
