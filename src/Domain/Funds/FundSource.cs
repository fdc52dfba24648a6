using Funds.Domain.Common;

namespace Funds.Domain.Funds;

/// <summary>One project's share of a fund source: allocated (net of reductions) and drawn by disbursements.</summary>
public sealed record ProjectAllocation(Guid ProjectId, string ProjectName, decimal Allocated, decimal Drawn, DateOnly FirstAllocatedOn, DateOnly? LastDrawnOn)
{
    public decimal Available => Allocated - Drawn;
}

/// <summary>A fund source as its events made it: the write model for allocation and disbursement rules.</summary>
public sealed record FundSource
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public FundSourceKind Kind { get; init; }
    public int FiscalYear { get; init; }
    public string DocumentRef { get; init; } = "";
    public DateOnly RegisteredOn { get; init; }
    public Actor? RegisteredBy { get; init; }
    public decimal Received { get; init; }
    public decimal Allocated { get; init; }
    public decimal Drawn { get; init; }
    public decimal Unallocated => Received - Allocated;
    public IReadOnlyList<ProjectAllocation> Allocations { get; init; } = [];
    public DateTimeOffset LastRecordedAt { get; init; }
    public int Version { get; init; }

    public SourceRef Ref => new(Id, Name, Kind, FiscalYear);

    public ProjectAllocation? AllocationFor(Guid projectId) => Allocations.FirstOrDefault(a => a.ProjectId == projectId);

    public static FundSource? Evolve(FundSource? state, object @event) => @event switch
    {
        FundSourceRegistered e => new FundSource
        {
            Id = e.FundSourceId, Name = e.Name, Kind = e.Kind, FiscalYear = e.FiscalYear, DocumentRef = e.DocumentRef,
            RegisteredOn = e.RegisteredOn, RegisteredBy = e.By, LastRecordedAt = e.RecordedAt,
        },
        _ when state is null => null,
        FundsReceived e => state with { Received = state.Received + e.Amount, LastRecordedAt = e.RecordedAt },
        FundsAllocated e => state with
        {
            Allocated = state.Allocated + e.Amount, LastRecordedAt = e.RecordedAt,
            Allocations = Upsert(state, e.Project.ProjectId,
                a => a with { Allocated = a.Allocated + e.Amount },
                () => new ProjectAllocation(e.Project.ProjectId, e.Project.Name, e.Amount, 0m, e.AllocatedOn, null)),
        },
        AllocationReduced e => state with
        {
            Allocated = state.Allocated - e.Amount, LastRecordedAt = e.RecordedAt,
            Allocations = Upsert(state, e.Project.ProjectId, a => a with { Allocated = a.Allocated - e.Amount }, () => throw Corrupt(e)),
        },
        AllocationDrawn e => state with
        {
            Drawn = state.Drawn + e.Amount, LastRecordedAt = e.RecordedAt,
            Allocations = Upsert(state, e.ProjectId, a => a with { Drawn = a.Drawn + e.Amount, LastDrawnOn = e.PaidOn }, () => throw Corrupt(e)),
        },
        _ => state,
    };

    private static IReadOnlyList<ProjectAllocation> Upsert(FundSource s, Guid projectId, Func<ProjectAllocation, ProjectAllocation> change, Func<ProjectAllocation> add)
    {
        var found = false;
        var list = s.Allocations.Select(a =>
        {
            if (a.ProjectId != projectId) return a;
            found = true;
            return change(a);
        }).ToList();
        if (!found) list.Add(add());
        return list;
    }

    private static InvalidOperationException Corrupt(object e) => new($"{e.GetType().Name} refers to a project with no allocation from this source.");
}
