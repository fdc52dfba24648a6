namespace Funds.Api.Villages;

public static class PayFromVillageFundEndpoint
{
    /// <summary>Pay from the village poverty fund (村扶贫基金) by a recorded village decision (its reference is required):
    /// wages of public-welfare jobs, small public works or relief, to a named payee, within the fund's balance. The
    /// village committee of that village decides.</summary>
    [WolverinePost("/api/villages/{id}/fund-payouts", OperationId = "PayFromVillageFund")]
    public static (VillageDetails, Events) Post(PayFromVillageFund command, [Locked] Village village, DecisionContext ctx)
        => VillageDetails.Decided(village, VillageDecider.PayOut(Guid.CreateVersion7(), command, village, ctx));
}
