using System.Text.Json.Serialization;

namespace Funds.Api.Findings;

/// <summary>An entry of the rectification ledger (整改台账): the finding, its deadline, the rectifications
/// reported and its closure (销号); <c>daysOverdue</c> as of today.</summary>
public sealed record FindingDetails(
    Guid Id, FindingSource Source, string Description, Guid? ProjectId, string Township, string? Village, DateOnly Deadline, DateOnly RaisedOn,
    Actor? RaisedBy, FindingStatus Status, IReadOnlyList<RectificationReported> Rectifications, DateOnly? ClosedOn, Actor? ClosedBy, string? ClosingNote,
    int? DaysOverdue, int Version) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/findings/{Id}";

    public static FindingDetails Of(Finding f, DateOnly today) => new(f.Id, f.Source, f.Description, f.ProjectId, f.Township, f.Village, f.Deadline,
        f.RaisedOn, f.RaisedBy, f.Status, f.Rectifications, f.ClosedOn, f.ClosedBy, f.ClosingNote, f.DaysOverdue(today), f.Version);

    /// <summary>The answer to raising a finding: the new ledger entry, and its stream to start.</summary>
    public static (FindingDetails, IStartStream) Started(FindingRaised raised, DecisionContext ctx)
        => (Decided(new Finding(), ctx, raised).Item1, MartenOps.StartStream<Finding>(raised.FindingId, raised));

    public static (FindingDetails, Events) Decided(Finding before, DecisionContext ctx, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => Finding.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after, ctx.Today), [.. events]);
    }
}
