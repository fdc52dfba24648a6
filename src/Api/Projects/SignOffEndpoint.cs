namespace Funds.Api.Projects;

public static class SignOffEndpoint
{
    /// <summary>The village committee (村两委) signs off the completion acceptance (竣工验收签字), naming the members who signed. This signature is the basis for settlement.</summary>
    [WolverinePost("/api/projects/{id}/acceptance", OperationId = "SignOffAcceptance")]
    public static (ProjectDetails, Events) Post(SignOffAcceptance command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Decide(command, project, ctx));
}
