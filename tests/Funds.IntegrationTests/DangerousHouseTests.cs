using System.Text.Json.Nodes;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class DangerousHouseTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_housing_project_s_households_are_closed_item_by_item_and_the_board_counts_them()
    {
        var p = Projects(UniqueName("三里乡"));
        var id = await p.Register(p.Registration(category: "housing-renovation"));
        await p.Approve(id);
        var road = await p.RegisteredAndApproved();
        Assert.Equal("housing-renovation-only", (string)Json(await Post($"/api/projects/{road}/dangerous-houses",
            new { ledgerRef = "黄坪村3组-12号", head = "王德贵", priorityGroup = true, listedOn = "2019-02-10" }, 422, p.Hq))["rule"]!);

        var households = new List<string>();
        foreach (var (reference, head) in new[] { ("黄坪村3组-12号", "王德贵"), ("黄坪村3组-15号", "李秀英"), ("黄坪村4组-2号", "张国强") })
        {
            var answer = Json(await Post($"/api/projects/{id}/dangerous-houses", new { ledgerRef = reference, head, priorityGroup = true, listedOn = "2019-02-10" }, 200, p.Hq));
            households.Add((string)answer["dangerousHouses"]!.AsArray().Last()!["id"]!);
        }
        await Post($"/api/projects/{id}/dangerous-houses", new { ledgerRef = "黄坪村3组-12号", head = "王德贵", priorityGroup = true, listedOn = "2019-02-10" }, 409, p.Hq);
        await Post($"/api/projects/{id}/dangerous-house-closures", new { householdId = households[0], solution = "Rebuilt", closedOn = "2019-08-20" }, 403, p.Committee);
        await Post($"/api/projects/{id}/dangerous-house-closures", new { householdId = households[0], solution = "Rebuilt", closedOn = "2019-08-20" }, 200, p.Hq);
        await Post($"/api/projects/{id}/dangerous-house-closures", new { householdId = households[1], solution = "Renovated", closedOn = "2019-10-05" }, 200, p.Hq);
        Assert.Equal("household-already-closed", (string)Json(await Post($"/api/projects/{id}/dangerous-house-closures",
            new { householdId = households[0], solution = "Rebuilt", closedOn = "2019-08-21" }, 409, p.Hq))["rule"]!);

        var town = Uri.EscapeDataString(p.Township);
        var board = Json(await Get($"/api/deadlines/dangerous-houses?asOf=2019-10-10&township={town}", token: p.Committee));
        Assert.Equal(("2019-housing-safety", "2019-09-30"), ((string)board["ruleId"]!, (string)board["due"]!));
        var row = board["byTownship"]!.AsArray().Single()!;
        Assert.Equal((3, 2, 1, 1, 1), ((int)row["listed"]!, (int)row["closed"]!, (int)row["closedOnTime"]!, (int)row["open"]!, (int)row["overdue"]!));
        var before = Json(await Get($"/api/deadlines/dangerous-houses?asOf=2019-09-01&township={town}"))["byTownship"]![0]!;
        Assert.Equal((1, 2, 0), ((int)before["closed"]!, (int)before["open"]!, (int)before["overdue"]!));

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", App.Token("supervisor"));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        Assert.Contains($"{p.Township},3,2,1,1,1", await client.GetStringAsync($"/api/deadlines/dangerous-houses?asOf=2019-10-10&township={town}"));
    }
}
