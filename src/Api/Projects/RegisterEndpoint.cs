namespace Funds.Api.Projects;

public static class RegisterEndpoint
{
    /// <summary>The village the registration names, if it is on the county's register.</summary>
    public static Task<Village?> LoadAsync(RegisterProject command, IDocumentSession session, CancellationToken ct)
        => Villages.VillageReads.FindAsync(session, command.Township, command.Village, ct);

    /// <summary>Register a project (申报) in the caller's township: kind, category, name, village and plan year.
    /// The township and village must be on the county's register (rule <c>village-not-registered</c>; county policy
    /// <c>RequireRegisteredVillages</c>, on by default) and their names free of invisible or look-alike characters
    /// (rule <c>place-name-invalid</c>). Answers 201 with the project and its Location.</summary>
    [WolverinePost("/api/projects", OperationId = "RegisterProject")]
    public static (ProjectDetails, IStartStream) Post(RegisterProject command, Village? village, DecisionContext ctx)
        => ProjectDetails.Started(ProjectDecider.Register(Guid.CreateVersion7(), command, village, ctx));
}
