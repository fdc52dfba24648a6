namespace Funds.Api.Projects;

/// <summary>What a distribution is decided on: the recipients found on the registers, and the project's village.</summary>
public sealed record DistributionCheck(IReadOnlyDictionary<Guid, Household> Households, Village? Village);

public static class DistributeIncomeEndpoint
{
    public static async Task<DistributionCheck> LoadAsync(DistributeIncome command, Project project, IDocumentSession session, CancellationToken ct)
    {
        var ids = (command.Recipients ?? []).Where(r => r?.HouseholdId is not null).Select(r => r.HouseholdId!.Value).Distinct()
            .Take(ProjectDecider.MaxRecipients + 1).ToArray();
        var households = ids.Length == 0 ? [] : await session.LoadManyAsync<Household>(ct, ids);
        var village = await Villages.VillageReads.FindAsync(session, project.Township, project.Village, ct);
        return new DistributionCheck(households.ToDictionary(h => h.Id), village);
    }

    /// <summary>Industry projects: record an income distribution (收益分配) naming each household and its amount, and the
    /// collective's share, which is paid into the village poverty fund (村扶贫基金) of the project's village in the same
    /// transaction. Shares are set one by one (<c>recipients[].amount</c>, adding up to <c>householdTotal</c> to the fen)
    /// or split by weight per household status (<c>poorWeight</c>, <c>exitedWeight</c>: the seeds' differentiated
    /// shares). Every recipient must be on the register at the distribution date, poor or exited and monitored, and
    /// linked to the project; a household is paid once per project and period.</summary>
    [WolverinePost("/api/projects/{id}/income-distributions", OperationId = "DistributeIncome")]
    public static (ProjectDetails, Events, IMartenOp) Post(DistributeIncome command, [Locked] Project project, DistributionCheck check, DecisionContext ctx)
    {
        var (distributed, fund) = ProjectDecider.Distribute(Guid.CreateVersion7(), command, project, check.Households, check.Village, ctx);
        var (details, events) = ProjectDetails.Decided(project, distributed);
        // appended at the version the village was read at, so its read model knows its version (a payout meanwhile: 409, retry)
        return (details, events, fund is null ? MartenOps.Nothing() : MartenOps.Append(fund.VillageId, check.Village!.Version + 1, fund));
    }
}
