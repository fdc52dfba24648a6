using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class SupervisionTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_unannounced_visit_raises_a_finding_that_is_sent_back_verified_by_another_and_closed_and_the_month_report_counts_it()
    {
        var p = Projects(UniqueName("景阳镇"));
        var project = await p.RegisteredAndApproved();
        var supervisor = App.Token(Roles.Supervisor, subject: "duzhan-wang");
        var other = App.Token(Roles.Supervisor, subject: "duzhan-li");

        await Post($"/api/projects/{project}/inspections", new { announced = false, inspectors = "县督战队第三组", summary = "暗访：工地无人施工", visitedOn = "2019-05-06" }, 403, p.Hq);
        await Post($"/api/projects/{project}/inspections", new { announced = true, inspectors = "村两委", summary = "跟踪监管", visitedOn = "2019-05-02" }, 200, p.Committee);
        var visited = Json(await Post($"/api/projects/{project}/inspections",
            new { announced = false, inspectors = "县督战队第三组", summary = "暗访：工地无人施工", visitedOn = "2019-05-06" }, 200, supervisor));
        var visit = (string)visited["inspections"]!.AsArray().Last()!["id"]!;

        var raised = Json(await Post("/api/findings", new
        {
            source = "Inspection", description = "工程停工，进度滞后", projectId = project, inspectionId = visit, deadline = "2019-05-31", raisedOn = "2019-05-06",
        }, 201, supervisor));
        var id = (string)raised["id"]!;
        Assert.Equal(visit, (string)raised["inspectionId"]!);
        await Post("/api/findings", new { source = "Inspection", description = "x", projectId = project, inspectionId = Guid.NewGuid(), deadline = "2019-05-31", raisedOn = "2019-05-06" }, 422, supervisor);

        await Post($"/api/findings/{id}/rectification", new { measures = "已复工", reportedOn = "2019-05-10" }, 200, p.Hq);
        Assert.Equal("close-requires-verification", (string)Json(await Post($"/api/findings/{id}/closure", new { closedOn = "2019-05-12" }, 409, supervisor))["rule"]!);
        await Post($"/api/findings/{id}/send-back", new { reason = "现场核查仍未复工", sentBackOn = "2019-05-12" }, 200, supervisor);
        await Post($"/api/findings/{id}/rectification", new { measures = "已复工并增加人手", reportedOn = "2019-05-15" }, 200, p.Hq);
        await Post($"/api/findings/{id}/verification", new { verifiedOn = "2019-05-16" }, 403, p.Hq);
        await Post($"/api/findings/{id}/verification", new { note = "现场核实", verifiedOn = "2019-05-16" }, 200, other);
        var closed = Json(await Post($"/api/findings/{id}/closure", new { note = "销号", closedOn = "2019-05-17" }, 200, supervisor));
        Assert.Equal(("Closed", 1, "duzhan-li"), ((string)closed["status"]!, closed["sentBack"]!.AsArray().Count, (string)closed["verification"]!["by"]!["subject"]!));

        var may = Json(await Get($"/api/reports/supervision?month=2019-05&township={Uri.EscapeDataString(p.Township)}", token: supervisor));
        var row = may["townships"]!.AsArray().Single()!;
        Assert.Equal((2, 1, 1, 2, 1, 1, 1, 0), ((int)row["inspections"]!, (int)row["unannounced"]!, (int)row["findingsRaised"]!, (int)row["rectificationsReported"]!,
            (int)row["sentBack"]!, (int)row["verified"]!, (int)row["closed"]!, (int)row["openAtMonthEnd"]!));
        await Get("/api/reports/supervision?month=2019-13", 400, supervisor);
        await Get("/api/reports/supervision?month=2019-05", 403, p.Hq);

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", supervisor);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await client.GetStringAsync($"/api/reports/supervision?month=2019-05&township={Uri.EscapeDataString(p.Township)}");
        Assert.Contains($"{p.Township},2,1,1,2,1,1,1,0,0", csv);
    }
}
