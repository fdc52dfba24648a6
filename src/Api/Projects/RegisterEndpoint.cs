namespace Funds.Api.Projects;

public static class RegisterEndpoint
{
    /// <summary>Register a project (申报) in the caller's township: kind, category, name, village and plan year.
    /// Answers 201 with the project and its Location.</summary>
    [WolverinePost("/api/projects", OperationId = "RegisterProject")]
    public static (ProjectDetails, IStartStream) Post(RegisterProject command, DecisionContext ctx)
        => ProjectDetails.Started(ProjectDecider.Register(Guid.CreateVersion7(), command, ctx));
}
