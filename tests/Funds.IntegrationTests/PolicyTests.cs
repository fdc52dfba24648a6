using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class PolicyTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task every_rule_is_listed_with_its_value_source_and_where_it_is_configured()
    {
        var rules = JsonNode.Parse((await Get("/api/policy", 200, App.Token(Roles.VillageCouncil, Roles.VillageScope("官店镇", "黄坪村")))).ReadAsText())!.AsArray();
        JsonNode Rule(string id) => rules.Single(r => (string)r!["id"]! == id)!;

        Assert.Equal(("Seed", "2019-06-30"), ((string)Rule("2019-continuing-completion")["source"]!, (string)Rule("2019-continuing-completion")["value"]!));
        Assert.Equal("Seed", (string)Rule("no-layered-subcontracting")["source"]!);
        Assert.Equal(("Configurable", 0.70m), ((string)Rule("progress-cap")["source"]!, (decimal)Rule("progress-cap")["value"]!));
        Assert.Contains("Funds:Policy:SmallWorksThreshold", (string)Rule("small-works-threshold")["where"]!);
        Assert.Equal(30, (int)Rule("at-risk-days")["value"]!);

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Finance);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await client.GetStringAsync("/api/policy");
        Assert.Contains("progress-cap,", csv);
        Assert.StartsWith("\uFEFFid,description,value,source,where", csv);
        await Get("/api/policy", 401, token: null);
    }

    [Fact]
    public async Task a_project_is_not_settled_below_what_was_already_paid()
    {
        var p = Projects(UniqueName("官店镇"));
        var (project, source) = await Funds.FundedProject(p, received: 900_000m);
        await Funds.Disburse(project, source, 600_000m);
        await p.Start(project);
        await p.Complete(project);
        await p.SignOff(project);
        var before = await StreamVersion(project);

        var refused = Json(await Post($"/api/projects/{project}/settlement", new { settledAmount = 599_000m, settledOn = "2019-07-10" }, 422, p.Finance));
        Assert.Equal("settlement-below-paid", (string)refused["rule"]!);
        Assert.Equal(before, await StreamVersion(project));
        await p.Settle(project, 600_000m);
    }

    [Fact]
    public async Task each_county_has_its_own_policy_and_a_township_hq_approves_where_its_county_says_so()
    {
        static string Value(JsonArray rules, string id) => rules.Single(r => (string)r!["id"]! == id)!["value"]!.ToString();
        var here = JsonNode.Parse((await Get("/api/policy")).ReadAsText())!.AsArray();
        var there = JsonNode.Parse((await Get("/api/policy", 200, App.Token(Roles.Auditor, county: FundsApp.OtherCounty))).ReadAsText())!.AsArray();
        Assert.Equal(("0", "300000"), (Value(here, "township-approval-limit"), Value(there, "township-approval-limit")));
        Assert.Equal(Value(here, "progress-cap"), Value(there, "progress-cap"));

        var township = UniqueName("市中街道");
        var hq = App.Token(Roles.TownshipHq, township, county: FundsApp.OtherCounty);
        await App.RegisterVillage(township, "黄坪村", FundsApp.OtherCounty);
        async Task<Guid> Assessed(decimal budget)
        {
            var id = Guid.Parse((string)Json(await Post("/api/projects", Projects(township).Registration(), 201, hq))["id"]!);
            await Post($"/api/projects/{id}/screening", ProjectDriver.Screening(), 200, hq);
            await Post($"/api/projects/{id}/assessment", ProjectDriver.Assessment(budget), 200, hq);
            return id;
        }
        var small = await Assessed(300_000m);
        await Post($"/api/projects/{small}/approval", ProjectDriver.Approval(300_000m), 200, hq);
        var large = await Assessed(300_000.01m);
        Assert.Equal("approver-not-in-policy", (string)Json(await Post($"/api/projects/{large}/approval", ProjectDriver.Approval(300_000.01m), 403, hq))["rule"]!);
        await Post($"/api/projects/{large}/approval", ProjectDriver.Approval(300_000.01m), 200, App.Token(Roles.Finance, county: FundsApp.OtherCounty));

        // in 建始县 (no limit configured) the same is refused to a township HQ
        var p = Projects(UniqueName("官店镇"));
        var local = await p.Register();
        await p.ScreenAndAssess(local, 1000m);
        Assert.Equal("approver-not-in-policy", (string)Json(await Post($"/api/projects/{local}/approval", ProjectDriver.Approval(1000m), 403, p.Hq))["rule"]!);
    }
}
