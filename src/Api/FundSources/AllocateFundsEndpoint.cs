namespace Funds.Api.FundSources;

public static class AllocateFundsEndpoint
{
    public static async Task<AllocationCheck> LoadAsync(AllocateFunds command, FundSource source, IDocumentSession session, CancellationToken ct)
        => new(command.ProjectId is { } id ? await session.LoadAsync<Project>(id, ct) : null, await PaidFromSource.ForAsync(session, source, ct));

    /// <summary>Allocate money from this source to an approved project (资金安排): at most the source's received
    /// and not yet allocated balance.</summary>
    [WolverinePost("/api/fund-sources/{id}/allocations", OperationId = "AllocateFunds")]
    public static (FundSourceDetails, Events) Post(AllocateFunds command, [Locked] FundSource source, AllocationCheck check, DecisionContext ctx)
        => FundSourceDetails.Decided(source, check.Paid, FundSourceDecider.Allocate(Guid.CreateVersion7(), command, source, check.Project, ctx));
}
