using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class FundFlowReportTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_years_payments_flow_from_sources_through_townships_and_projects_to_payees()
    {
        var p = Projects(UniqueName("龙坪乡"));
        var (project, source) = await Funds.FundedProject(p, received: 90_000m, name: "2019年中央财政专项扶贫资金");
        await Funds.Disburse(project, source, 10_000.10m, on: "2019-04-01");
        await Funds.Disburse(project, source, 2_000m, on: "2019-05-01");
        await Projected();

        var flow = Json(await Get("/api/reports/fund-flow?year=2019&top=200"));
        Assert.Equal(2019, (int)flow["year"]!);
        var nodes = flow["nodes"]!.AsArray().ToDictionary(n => (string)n!["name"]!, n => (Kind: (string)n!["kind"]!, Id: (string?)n["id"]));
        var links = flow["links"]!.AsArray().Select(l => (From: (string)l!["source"]!, To: (string)l!["target"]!, Value: (decimal)l!["value"]!)).ToList();
        Assert.Equal("township", nodes[p.Township].Kind);
        var intoTownship = links.Where(l => l.To == p.Township).ToList();
        Assert.Equal(12_000.10m, intoTownship.Sum(l => l.Value));
        Assert.All(intoTownship, l => Assert.Equal("source", nodes[l.From].Kind));
        var toProject = Assert.Single(links, l => l.From == p.Township);
        Assert.Equal((project.ToString(), 12_000.10m), (nodes[toProject.To].Id, toProject.Value));
        var toPayee = Assert.Single(links, l => l.From == toProject.To);
        Assert.Equal(("payee", "恩施州路桥建设有限公司", 12_000.10m), (nodes[toPayee.To].Kind, toPayee.To, toPayee.Value));
        Assert.Equal(links.Where(l => nodes[l.From].Kind == "source").Sum(l => l.Value), (decimal)flow["disbursed"]!);

        // another year shows none of it; the reports' readers only
        var other = Json(await Get("/api/reports/fund-flow?year=2018"));
        Assert.DoesNotContain(other["nodes"]!.AsArray(), n => (string)n!["name"]! == p.Township);
        await Get("/api/reports/fund-flow?year=2019", 403, p.Hq);
        await Get("/api/reports/fund-flow?top=0", 400);
    }

    [Fact]
    public async Task every_csv_list_is_documented_with_its_excel_workbook()
    {
        var doc = (await Get("/swagger/v1/swagger.json", token: null)).ReadAsText();
        var deadlines = System.Text.Json.Nodes.JsonNode.Parse(doc)!["paths"]!["/api/deadlines"]!["get"]!["responses"]!["200"]!["content"]!.AsObject();
        Assert.True(deadlines.ContainsKey("text/csv"));
        Assert.True(deadlines.ContainsKey(global::Funds.Api.Http.Export.XlsxType));
    }
}
