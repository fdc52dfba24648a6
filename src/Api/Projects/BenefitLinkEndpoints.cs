namespace Funds.Api.Projects;

public static class LinkHouseholdEndpoint
{
    public static async Task<Household?> LoadAsync(LinkHousehold command, IDocumentSession session, CancellationToken ct)
        => command.HouseholdId is { } id ? await session.LoadAsync<Household>(id, ct) : null;

    /// <summary>Industry projects: link a poor household of the project's township (带贫 / 利益联结) with the kind of link
    /// (dividend from assets or shares, employment with wages, land rental, produce purchase, other) and the benefit
    /// expected per year. One active link per household and project.</summary>
    [WolverinePost("/api/projects/{id}/benefit-links", OperationId = "LinkHousehold")]
    public static (ProjectDetails, Events) Post(LinkHousehold command, [Locked] Project project, Household? household, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.Link(Guid.CreateVersion7(), command, project, household, ctx));
}

public static class EndBenefitLinkEndpoint
{
    /// <summary>Industry projects: end a household's link, with a reason and the date it ended.</summary>
    [WolverinePost("/api/projects/{id}/benefit-link-endings", OperationId = "EndBenefitLink")]
    public static (ProjectDetails, Events) Post(EndBenefitLink command, [Locked] Project project, DecisionContext ctx)
        => ProjectDetails.Decided(project, ProjectDecider.EndLink(command, project, ctx));
}
