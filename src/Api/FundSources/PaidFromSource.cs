namespace Funds.Api.FundSources;

/// <summary>What each project with an allocation from a source has been paid from it. Payments live in the
/// project streams, so a source's disbursed figures are read from its projects, as current as they are.</summary>
public sealed record PaidFromSource(IReadOnlyDictionary<Guid, decimal> ByProject)
{
    public static readonly PaidFromSource None = new(new Dictionary<Guid, decimal>());

    public decimal To(Guid projectId) => ByProject.GetValueOrDefault(projectId);

    public static async Task<IReadOnlyDictionary<Guid, PaidFromSource>> ForAsync(IQuerySession session, IReadOnlyCollection<FundSource> sources, CancellationToken ct)
    {
        var ids = sources.SelectMany(s => s.Allocations.Select(a => a.ProjectId)).Distinct().ToArray();
        var projects = ids.Length == 0 ? [] : await session.LoadManyAsync<Project>(ct, ids);
        return sources.ToDictionary(s => s.Id, s => new PaidFromSource(projects.ToDictionary(p => p.Id, p => p.PaidFrom(s.Id))));
    }

    public static async Task<PaidFromSource> ForAsync(IQuerySession session, FundSource source, CancellationToken ct)
        => (await ForAsync(session, [source], ct))[source.Id];
}
