namespace Funds.Api.Villages;

public static class RegisterVillageEndpoint
{
    public static async Task<VillageLookup> LoadAsync(RegisterVillage command, IDocumentSession session, CancellationToken ct)
    {
        if (PlaceNames.Problem(command.Township) is not null || PlaceNames.Problem(command.Name) is not null) return new(null, []);
        var township = PlaceNames.Normalize(command.Township!);
        var same = await session.Query<Village>().Where(v => v.Township == township).ToListAsync(ct);
        var name = PlaceNames.Normalize(command.Name!);
        return new VillageLookup(same.FirstOrDefault(v => v.Name == name), same);
    }

    /// <summary>Add a village to the county's register of townships and villages (admin; master data): township
    /// and name (Unicode NFC, trimmed; no invisible or control characters, no '/', no look-alike compatibility
    /// characters, not reading like a village already registered in the township — rules <c>place-name-invalid</c>,
    /// <c>village-look-alike</c>), its poverty status and, for a village planned to exit, the exit year. Projects
    /// and households can only be placed in registered villages (county policy <c>RequireRegisteredVillages</c>).</summary>
    [WolverinePost("/api/villages", OperationId = "RegisterVillage")]
    public static (VillageDetails, IStartStream, IMartenOp) Post(RegisterVillage command, VillageLookup lookup, DecisionContext ctx)
    {
        var registered = VillageDecider.Register(Guid.CreateVersion7(), command, lookup.Existing, lookup.SameTownship, ctx);
        var (details, stream) = VillageDetails.Started(registered);
        return (details, stream, MartenOps.Insert(UniqueKey.For(UniqueKey.Village(registered.Township, registered.Name), registered.VillageId)));
    }
}
