namespace Funds.Api.FundSources;

public static class ReduceAllocationEndpoint
{
    /// <summary>Locks the project as a payment would, so no payment can draw on the money while it is taken back.</summary>
    public static async Task<AllocationCheck> LoadAsync(ReduceAllocation command, FundSource source, IDocumentSession session, CancellationToken ct)
    {
        var project = command.ProjectId is { } id ? (await session.Events.FetchForExclusiveWriting<Project>(id, ct)).Aggregate : null;
        return new AllocationCheck(project, await PaidFromSource.ForAsync(session, source, ct));
    }

    /// <summary>Reduce (调减) or reclaim (收回) the undisbursed part of an allocation, with a reason; the money
    /// returns to the source's unallocated balance.</summary>
    [WolverinePost("/api/fund-sources/{id}/allocation-reductions", OperationId = "ReduceAllocation")]
    public static (FundSourceDetails, Events) Post(ReduceAllocation command, [Locked] FundSource source, AllocationCheck check, DecisionContext ctx)
        => FundSourceDetails.Decided(source, check.Paid, FundSourceDecider.Reduce(command, source, check.Project, ctx));
}
