using System.Text.Json.Serialization;

namespace Funds.Api.Households;

/// <summary>A household of a village register: code, head of household (name in full only for roles that work with
/// households or audit them, else masked as 张**; <c>headNameMasked</c> says which), identity number masked (never
/// stored in clear), size, members able to work, status with its history, and its poverty micro-credit loans.</summary>
public sealed record HouseholdDetails(
    Guid Id, string Code, string Township, string Village, string HeadName, bool HeadNameMasked, string IdentityMasked,
    int Size, int LabourMembers, HouseholdStatus Status, DateOnly RegisteredOn, IReadOnlyList<StatusPeriod> Statuses,
    IReadOnlyList<Loan> Loans, decimal LoansOutstanding, int Version) : IVersioned, IResource
{
    [JsonIgnore] public string Location => $"/api/households/{Id}";

    public static bool SeesNames(Actor reader) => Permissions.SeeHouseholdNames.Contains(reader.Role);

    public static string Name(string name, Actor reader) => SeesNames(reader) ? name : PersonNames.Mask(name);

    public static HouseholdDetails Of(Household h, Actor reader) => new(h.Id, h.Code, h.Township, h.Village, Name(h.HeadName, reader), !SeesNames(reader),
        h.IdentityMasked, h.Size, h.LabourMembers, h.Status, h.RegisteredOn, h.Statuses, h.Loans, h.LoansOutstanding, h.Version);

    public static (HouseholdDetails, IStartStream) Started(HouseholdRegistered registered, Actor reader)
        => (Decided(new Household(), reader, registered).Item1, MartenOps.StartStream<Household>(registered.HouseholdId, registered));

    public static (HouseholdDetails, Events) Decided(Household before, Actor reader, params IReadOnlyList<object> events)
    {
        var after = events.Aggregate(before, (state, e) => Household.Evolve(state, e)!) with { Version = before.Version + events.Count };
        return (Of(after, reader), [.. events]);
    }
}
