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
}
