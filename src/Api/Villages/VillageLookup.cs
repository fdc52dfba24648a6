namespace Funds.Api.Villages;

/// <summary>What registering a village is decided on: the village of that name if already registered, and the
/// villages of its township (for look-alikes).</summary>
public sealed record VillageLookup(Village? Existing, IReadOnlyList<Village> SameTownship);
