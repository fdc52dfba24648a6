namespace Funds.Api.Households;

/// <summary>What a household registration is decided on.</summary>
public sealed record HouseholdCheck(Village? Village, bool CodeInUse, bool IdentityInUse, ProtectedIdentity? Identity);

public static class RegisterHouseholdEndpoint
{
    public static async Task<HouseholdCheck> LoadAsync(RegisterHousehold command, IDocumentSession session, IdentityProtector protector, HttpContext http, CancellationToken ct)
    {
        var village = await Villages.VillageReads.FindAsync(session, command.Township, command.Village, ct);
        var codeInUse = FieldErrors.IsText(command.Code, 40) && await session.LoadAsync<UniqueKey>(UniqueKey.Household(command.Code!.Trim()), ct) is not null;
        var identity = protector.Protect(http.County()!, command.IdentityNumber);
        var identityInUse = identity is not null && await session.LoadAsync<UniqueKey>(UniqueKey.Identity(identity.Hash), ct) is not null;
        return new HouseholdCheck(village, codeInUse, identityInUse, identity);
    }

    /// <summary>Put a household on its village's register (建档立卡): code unique in the county, head's name, the head's
    /// resident identity number (checked, then stored only as a keyed hash and a masked form), size, members able to
    /// work, status (poor, exited and still monitored, not poor) and the date it took effect. The village must be on
    /// the county's register. Answers 201 with the household and its Location.</summary>
    [WolverinePost("/api/households", OperationId = "RegisterHousehold")]
    public static (HouseholdDetails, IStartStream, IMartenOp) Post(RegisterHousehold command, HouseholdCheck check, DecisionContext ctx)
    {
        var registered = HouseholdDecider.Register(Guid.CreateVersion7(), command, check.Village, check.CodeInUse, check.IdentityInUse, check.Identity, ctx);
        var (details, stream) = HouseholdDetails.Started(registered, ctx.By);
        return (details, stream, MartenOps.InsertObjects([
            UniqueKey.For(UniqueKey.Household(registered.Code), registered.HouseholdId),
            UniqueKey.For(UniqueKey.Identity(registered.IdentityHash), registered.HouseholdId)]));
    }
}
