using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class AssetTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_settled_project_s_asset_is_registered_handed_over_checked_and_on_the_village_register()
    {
        var p = Projects(UniqueName("茅田乡"));
        var id = await p.Completed();
        var asset = new { name = "通组公路", value = 880_000m, location = "黄坪村二组", registeredOn = "2019-07-12" };
        Assert.Equal("asset-requires-settlement", (string)Json(await Post($"/api/projects/{id}/assets", asset, 409, p.Hq))["rule"]!);
        await p.SignOff(id);
        await p.Settle(id);
        await Post($"/api/projects/{id}/assets", asset, 403, p.Finance);
        var registered = Json(await Post($"/api/projects/{id}/assets", asset, 200, p.Hq));
        var assetId = (string)registered["assets"]!.AsArray().Single()!["id"]!;

        await Post($"/api/projects/{id}/asset-checks", new { assetId, condition = "Good", checkedOn = "2019-07-20" }, 409, p.Committee);
        await Post($"/api/projects/{id}/asset-handovers", new
        {
            assetId, owner = "黄坪村集体经济组织", ownerKind = "VillageCollective", upkeepResponsible = "黄坪村护路员李明", handedOverOn = "2019-07-15",
        }, 200, p.Hq);
        await Post($"/api/projects/{id}/asset-checks", new { assetId, condition = "NeedsRepair", note = "路肩塌陷两处", checkedOn = "2019-10-08" }, 200, p.Committee);
        await Post($"/api/projects/{id}/asset-checks", new { assetId, condition = "Good", checkedOn = "2019-10-09" }, 403,
            App.Token(Roles.VillageCommittee, Roles.VillageScope(p.Township, "望坪村")));

        var register = Json(await Get($"/api/assets?township={Uri.EscapeDataString(p.Township)}&village=黄坪村", token: p.Committee));
        var line = register["items"]!.AsArray().Single()!;
        Assert.Equal(("黄坪村护路员李明", "NeedsRepair", 880_000m, 0), ((string)line["upkeepResponsible"]!, (string)line["lastCondition"]!, (decimal)register["totalValue"]!, (int)register["notHandedOver"]!));
        var elsewhere = Json(await Get($"/api/assets?township={Uri.EscapeDataString(p.Township)}", token: App.Token(Roles.VillageCouncil, Roles.VillageScope(p.Township, "望坪村"))));
        Assert.Equal(0, (int)elsewhere["total"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/assets?township={Uri.EscapeDataString(p.Township)}&condition=NeedsRepair"))["total"]!);

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Finance);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await client.GetStringAsync($"/api/assets?township={Uri.EscapeDataString(p.Township)}");
        Assert.Contains("黄坪村护路员李明", csv);
        Assert.Contains("NeedsRepair", csv);
    }
}
