using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class PlatformTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task health_says_up_or_down_to_anyone_and_details_to_admins()
    {
        var anonymous = Json(await Get("/health", token: null));
        Assert.Equal("Healthy", (string)anonymous["status"]!);
        Assert.Null(anonymous["checks"]);
        Assert.Null(Json(await Get("/health", token: App.Token(Roles.Finance)))["checks"]);

        var health = Json(await Get("/health", token: App.Token(Roles.Admin)));
        Assert.Equal("Healthy", (string)health["checks"]!["database"]!["status"]!);
        Assert.NotNull(health["checks"]!["projections"]!["data"]!["highWaterMark"]);
        var agents = health["checks"]!["cluster"]!["data"]!["agents"]!.AsArray().Select(a => (string)a!).ToList();
        Assert.Contains(agents, a => a.StartsWith("event-subscriptions://"));
    }

    [Fact]
    public async Task swagger_ui_loads()
    {
        var result = await Get("/swagger/index.html", token: null);
        Assert.Contains("swagger-ui", result.ReadAsText());
    }

    [Theory]
    [InlineData("/api/projects/{id}/approval", "ApproveProject")]
    [InlineData("/api/projects/{id}/builder", "SelectBuilder")]
    [InlineData("/api/projects/{id}/builder-change", "ChangeBuilder")]
    [InlineData("/api/projects/{id}/start", "StartConstruction")]
    [InlineData("/api/projects/{id}/completion", "CompleteConstruction")]
    [InlineData("/api/projects/{id}/acceptance", "SignOffAcceptance")]
    [InlineData("/api/projects/{id}/acceptance-refusal", "RefuseAcceptance")]
    [InlineData("/api/projects/{id}/settlement", "SettleProject")]
    [InlineData("/api/projects/{id}/cancellation", "CancelProject")]
    [InlineData("/api/projects/{id}/operating-entity", "AssignOperatingEntity")]
    [InlineData("/api/projects/{id}/income-distributions", "DistributeIncome")]
    [InlineData("/api/projects/{id}/reviews", "RecordReview")]
    public async Task openapi_describes_each_command_with_its_request_and_errors(string path, string schema)
    {
        var doc = JsonNode.Parse((await Get("/swagger/v1/swagger.json", token: null)).ReadAsText())!;
        var post = doc["paths"]![path]!["post"]!;
        var requestRef = (string)post["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!;
        Assert.EndsWith("/" + schema, requestRef);
        foreach (var status in new[] { "200", "400", "401", "403", "404", "409", "412", "422" })
            Assert.NotNull(post["responses"]![status]);
        Assert.NotNull(post["summary"] ?? post["description"]);
        var headers = post["parameters"]!.AsArray().Select(p => (string)p!["name"]!).ToArray();
        Assert.Contains("If-Match", headers);
        Assert.Contains("Idempotency-Key", headers);
    }
}
