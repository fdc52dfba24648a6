using System.Text.Json.Serialization;

namespace Funds.Api.Findings;

/// <summary>An entry of the rectification ledger (整改台账): the finding, its deadline, the rectifications
/// reported, those sent back, the on-site verification and its closure (销号); the inspection visit it was raised on;
/// <c>daysOverdue</c> as of today.</summary>
public sealed record FindingDetails(
    Guid Id, FindingSource Source, string Description, Guid? ProjectId, string Township, string? Village, DateOnly Deadline, DateOnly RaisedOn,
    Actor? RaisedBy, FindingStatus Status, IReadOnlyList<RectificationReported> Rectifications, DateOnly? ClosedOn, Actor? ClosedBy, string? ClosingNote,
    int? DaysOverdue, int Version, Guid? InspectionId = null, IReadOnlyList<RectificationSentBack>? SentBack = null,
    RectificationVerified? Verification = null) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/findings/{Id}";

    public static FindingDetails Of(Finding f, DateOnly today) => new(f.Id, f.Source, f.Description, f.ProjectId, f.Township, f.Village, f.Deadline,
        f.RaisedOn, f.RaisedBy, f.Status, f.Rectifications, f.ClosedOn, f.ClosedBy, f.ClosingNote, f.DaysOverdue(today), f.Version,
        f.InspectionId, f.SentBack, f.Verification);

    /// <summary>The answer to raising a finding: the new ledger entry, and its stream to start.</summary>
    public static (FindingDetails, IStartStream) Started(FindingRaised raised, DecisionContext ctx)
        => (Decided(new Finding(), ctx, raised).Item1, MartenOps.StartStream<Finding>(raised.FindingId, raised));

    public static (FindingDetails, Events) Decided(Finding before, DecisionContext ctx, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => Finding.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after, ctx.Today), [.. events]);
    }
}
