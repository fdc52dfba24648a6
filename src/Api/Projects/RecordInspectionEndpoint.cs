namespace Funds.Api.Projects;

public static class RecordInspectionEndpoint
{
    /// <summary>Record an inspection visit to the project (实地检查、现场问效): announced or unannounced (暗访督查), the
    /// inspectors, what was found and the date. Supervisors and auditors anywhere in the county; the village committee
    /// for its own village (跟踪监管). Findings of the visit are raised with <c>POST /api/findings</c> naming its
    /// <c>inspectionId</c> (the last of the project's <c>inspections</c> in the answer).</summary>
    [WolverinePost("/api/projects/{id}/inspections", OperationId = "RecordInspection")]
    public static (ProjectDetails, Events) Post(RecordInspection command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Inspect(Guid.CreateVersion7(), command, project, ctx));
}
