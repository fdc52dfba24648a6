using System.Text.Json.Serialization;
using Funds.Domain.Common;

namespace Funds.Domain.Villages;

/// <summary>A village of the county's register (master data) with its poverty status and its poverty fund
/// balance. Township and name (normalized) identify it within the county; a name not on the register names no village.</summary>
public sealed record Village : IPlaced, IVersioned
{
    public Guid Id { get; init; }
    public string Township { get; init; } = "";
    public string Name { get; init; } = "";
    public VillageStatus Status { get; init; }
    public int? ExitYear { get; init; }
    public DateOnly RegisteredOn { get; init; }
    public DateOnly LastChangedOn { get; init; }
    /// <summary>Look-alike comparison form of the name (see <see cref="PlaceNames.Skeleton"/>).</summary>
    public string Skeleton { get; init; } = "";
    public decimal FundReceived { get; init; }
    public decimal FundPaidOut { get; init; }
    [JsonIgnore] public decimal FundBalance => FundReceived - FundPaidOut;
    public DateOnly? FundLastMovedOn { get; init; }
    public DateTimeOffset LastRecordedAt { get; init; }
    public int Version { get; init; }

    [JsonIgnore] public Place? Place => new(Township, Name);

    public static Village? Evolve(Village? state, object @event) => @event switch
    {
        VillageRegistered e => new Village
        {
            Id = e.VillageId, Township = e.Township, Name = e.Name, Status = e.Status, ExitYear = e.ExitYear, RegisteredOn = e.RegisteredOn,
            LastChangedOn = e.RegisteredOn, Skeleton = PlaceNames.Skeleton(e.Name), LastRecordedAt = e.RecordedAt,
        },
        _ when state is null => null,
        VillageStatusChanged e => state with { Status = e.Status, ExitYear = e.ExitYear, LastChangedOn = e.ChangedOn, LastRecordedAt = e.RecordedAt },
        VillageFundReceived e => state with { FundReceived = state.FundReceived + e.Amount, FundLastMovedOn = Later(state.FundLastMovedOn, e.ReceivedOn), LastRecordedAt = e.RecordedAt },
        VillageFundPaidOut e => state with { FundPaidOut = state.FundPaidOut + e.Amount, FundLastMovedOn = Later(state.FundLastMovedOn, e.PaidOn), LastRecordedAt = e.RecordedAt },
        _ => state,
    };

    private static DateOnly Later(DateOnly? a, DateOnly b) => a is { } x && x > b ? x : b;
}
