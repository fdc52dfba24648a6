namespace Funds.Api.Villages;

public static class ChangeVillageStatusEndpoint
{
    /// <summary>Change a village's poverty status (poor, planned to exit in a year, exited 出列, non-poor), with a
    /// reason and the date it took effect (admin; master data).</summary>
    [WolverinePost("/api/villages/{id}/status", OperationId = "ChangeVillageStatus")]
    public static (VillageDetails, Events) Post(ChangeVillageStatus command, [Locked] Village village, DecisionContext ctx)
        => VillageDetails.Decided(village, VillageDecider.ChangeStatus(command, village, ctx));
}
