using System.Text.Json.Serialization;

namespace Funds.Api.FundSources;

/// <summary>A fund source (资金来源) with its balances: received (到位), allocated (安排), disbursed (拨付) from
/// its allocations, and per project; interest subsidies (贴息) on household loans paid from it. <c>version</c> is the stream version (the ETag).</summary>
public sealed record FundSourceDetails(
    Guid Id, string Name, FundSourceKind Kind, int FiscalYear, string DocumentRef, DateOnly RegisteredOn, Actor? RegisteredBy,
    decimal Received, decimal Allocated, decimal Unallocated, decimal Disbursed, decimal AllocatedNotDisbursed, decimal Balance,
    IReadOnlyList<AllocationDetails> Allocations, int Version, decimal InterestSubsidies = 0m) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/fund-sources/{Id}";

    public static FundSourceDetails Of(FundSource s, PaidFromSource paid)
    {
        var allocations = s.Allocations.Select(a =>
        {
            var disbursed = paid.To(a.ProjectId);
            return new AllocationDetails(a.ProjectId, a.ProjectName, a.Allocated, disbursed, a.Allocated - disbursed, a.FirstAllocatedOn);
        }).ToList();
        var total = allocations.Sum(a => a.Disbursed);
        return new FundSourceDetails(s.Id, s.Name, s.Kind, s.FiscalYear, s.DocumentRef, s.RegisteredOn, s.RegisteredBy,
            s.Received, s.Allocated, s.Unallocated, total, s.Allocated - total, s.Balance(total), allocations, s.Version, s.Subsidised);
    }

    /// <summary>The answer to the registration: the new source, and its stream to start.</summary>
    public static (FundSourceDetails, IStartStream) Started(FundSourceRegistered registered)
        => (Decided(new FundSource(), PaidFromSource.None, registered).Item1, MartenOps.StartStream<FundSource>(registered.FundSourceId, registered));

    /// <summary>The answer to a command: the source after the events just decided, and those events to append.</summary>
    public static (FundSourceDetails, Events) Decided(FundSource before, PaidFromSource paid, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => FundSource.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after, paid), [.. events]);
    }
}
