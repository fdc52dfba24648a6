using System.Text.Json.Serialization;
using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Domain.FundSources;

/// <summary>One project's share of a fund source: allocated, net of reductions.</summary>
public sealed record ProjectAllocation(Guid ProjectId, string ProjectName, decimal Allocated, DateOnly FirstAllocatedOn);

/// <summary>A fund source as its events made it: the write model for receipts and allocations. What has
/// been paid from it lives in the projects it paid (a payment locks its project, not its source).</summary>
public sealed record FundSource : IVersioned
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
    /// <summary>Interest subsidies (贴息) on household loans paid straight from the source.</summary>
    public decimal Subsidised { get; init; }
    [JsonIgnore] public decimal Unallocated => Received - Allocated - Subsidised;
    /// <summary>What the source still holds once <paramref name="disbursed"/> is paid out of it.</summary>
    public decimal Balance(decimal disbursed) => Received - disbursed - Subsidised;
    public IReadOnlyList<ProjectAllocation> Allocations { get; init; } = [];
    public DateTimeOffset LastRecordedAt { get; init; }
    public int Version { get; init; }

    [JsonIgnore] public SourceRef Ref => new(Id, Name, Kind, FiscalYear);

    public ProjectAllocation? AllocationFor(Guid projectId) => Allocations.FirstOrDefault(a => a.ProjectId == projectId);

    /// <summary>What a payment to <paramref name="projectId"/> may draw on.</summary>
    public PaymentSource ForPayment(Guid projectId)
        => AllocationFor(projectId) is { } a ? new PaymentSource(Ref, a.Allocated, a.FirstAllocatedOn) : new PaymentSource(Ref, 0m, null);

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
            Allocations = Change(state, e.Project, e.Amount, e.AllocatedOn),
        },
        AllocationReduced e => state with
        {
            Allocated = state.Allocated - e.Amount, LastRecordedAt = e.RecordedAt,
            Allocations = Change(state, e.Project, -e.Amount, e.ReducedOn),
        },
        InterestSubsidyPaid e => state with { Subsidised = state.Subsidised + e.Amount, LastRecordedAt = e.RecordedAt },
        _ => state,
    };

    private static IReadOnlyList<ProjectAllocation> Change(FundSource s, ProjectRef project, decimal delta, DateOnly on)
    {
        var before = s.AllocationFor(project.ProjectId);
        var after = before is null
            ? new ProjectAllocation(project.ProjectId, project.Name, delta, on)
            : before with { Allocated = before.Allocated + delta };
        return [.. s.Allocations.Select(a => a.ProjectId == project.ProjectId ? after : a), .. before is null ? [after] : Array.Empty<ProjectAllocation>()];
    }
}
