using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class ConcurrencyAndRetryTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task stale_if_match_is_412_and_appends_nothing()
    {
        var id = await Projects.RegisteredAndApproved(UniqueName("官店镇"));
        var problem = Json(await Post($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2019-02-20" },
            412, s => s.WithRequestHeader("If-Match", "\"1\"")));
        Assert.Equal("stale-version", (string)problem["rule"]!);
        Assert.Equal(2, await StreamVersion(id));

        var ok = await Post($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2019-02-20" },
            200, s => s.WithRequestHeader("If-Match", "\"2\""));
        Assert.Equal("\"3\"", ok.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task malformed_if_match_is_400()
    {
        var id = await Projects.Register(ProjectDriver.Registration(UniqueName("官店镇")));
        await Post($"/api/projects/{id}/cancellation", new { reason = "r", cancelledOn = "2019-03-01" }, 400,
            s => s.WithRequestHeader("If-Match", "version-one"));
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task repeated_idempotency_key_returns_the_first_answer_and_appends_once()
    {
        var id = await Projects.Register(ProjectDriver.Registration(UniqueName("官店镇")));
        var key = Guid.NewGuid().ToString();
        var body = new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = 500_000m, approvedBy = "县扶贫开发领导小组", approvedOn = "2019-02-01" };
        var first = await Post($"/api/projects/{id}/approval", body, 200, s => s.WithRequestHeader("Idempotency-Key", key));
        var second = await Post($"/api/projects/{id}/approval", body, 200, s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.Equal(first.ReadAsText(), second.ReadAsText());
        Assert.Equal("true", second.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(2, await StreamVersion(id));

        var reused = Json(await Post($"/api/projects/{id}/approval", body with { approvedBudget = 1m }, 422,
            s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal("idempotency-key-reused", (string)reused["rule"]!);
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task repeated_registration_with_same_key_creates_one_project()
    {
        var township = UniqueName("官店镇");
        var key = Guid.NewGuid().ToString();
        var a = Json(await Post("/api/projects", ProjectDriver.Registration(township), 201, s => s.WithRequestHeader("Idempotency-Key", key)));
        var b = Json(await Post("/api/projects", ProjectDriver.Registration(township), 201, s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal((string)a["id"]!, (string)b["id"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/projects?township={township}"))["total"]!);
    }

    [Fact]
    public async Task concurrent_commands_on_one_project_never_lose_or_duplicate_an_event()
    {
        var id = await Projects.RegisteredAndApproved(UniqueName("官店镇"));
        await Projects.SelectBuilder(id);
        var client = Host.Server.CreateClient();
        var attempts = Enumerable.Range(0, 8).Select(_ => client.PostAsync($"/api/projects/{id}/start",
            new StringContent("{\"startedOn\":\"2019-03-01\"}", System.Text.Encoding.UTF8, "application/json")));
        var responses = await Task.WhenAll(attempts);
        var codes = responses.Select(r => (int)r.StatusCode).ToArray();
        Assert.Equal(1, codes.Count(c => c == 200));
        Assert.All(codes.Where(c => c != 200), c => Assert.Equal(409, c));
        Assert.Equal(4, await StreamVersion(id));
    }
}
