namespace Funds.Api.Projects;

public static class RecordReviewEndpoint
{
    /// <summary>Industry projects: record a periodic review (回头看): healthy, weak with a rectification plan, or idle with a revival measure.</summary>
    [WolverinePost("/api/projects/{id}/reviews", OperationId = "RecordReview")]
    public static (ProjectDetails, Events) Post(RecordReview command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
