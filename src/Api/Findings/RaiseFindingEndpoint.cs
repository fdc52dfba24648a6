namespace Funds.Api.Findings;

public static class RaiseFindingEndpoint
{
    public static async Task<Project?> LoadAsync(RaiseFinding command, IDocumentSession session, CancellationToken ct)
        => command.ProjectId is { } id ? await session.LoadAsync<Project>(id, ct) : null;

    /// <summary>Raise a finding (问题) of an inspection, audit or evaluation against a project or a village, with a
    /// rectification deadline. Answers 201 with the ledger entry and its Location.</summary>
    [WolverinePost("/api/findings", OperationId = "RaiseFinding")]
    public static (FindingDetails, IStartStream) Post(RaiseFinding command, Project? project, DecisionContext ctx)
        => FindingDetails.Started(FindingDecider.Raise(Guid.CreateVersion7(), command, project, ctx), ctx);
}
