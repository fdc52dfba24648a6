using System.Text.Json.Serialization;

namespace Funds.Api.Villages;

/// <summary>A village of the county's register: its poverty status and its poverty fund (村扶贫基金) balance.
/// <c>version</c> is the stream version (the ETag).</summary>
public sealed record VillageDetails(
    Guid Id, string Township, string Name, VillageStatus Status, int? ExitYear, DateOnly RegisteredOn,
    decimal FundReceived, decimal FundPaidOut, decimal FundBalance, int Version) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/villages/{Id}";

    public static VillageDetails Of(Village v) => new(v.Id, v.Township, v.Name, v.Status, v.ExitYear, v.RegisteredOn,
        v.FundReceived, v.FundPaidOut, v.FundBalance, v.Version);

    public static (VillageDetails, IStartStream) Started(VillageRegistered registered)
        => (Decided(new Village(), registered).Item1, MartenOps.StartStream<Village>(registered.VillageId, registered));

    public static (VillageDetails, Events) Decided(Village before, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => Village.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after), [.. events]);
    }
}
