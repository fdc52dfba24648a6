using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class ConcurrencyAndRetryTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task stale_if_match_is_412_and_appends_nothing()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.RegisteredAndApproved();
        var problem = Json(await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m), 412, p.Hq, s => s.WithRequestHeader("If-Match", "\"1\"")));
        Assert.Equal("stale-version", (string)problem["rule"]!);
        Assert.Equal(2, await StreamVersion(id));

        var ok = await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m), 200, p.Hq, s => s.WithRequestHeader("If-Match", "\"2\""));
        Assert.Equal("\"3\"", ok.Context.Response.Headers.ETag.ToString());
    }

    [Fact]
    public async Task malformed_if_match_is_400()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.Register();
        await Post($"/api/projects/{id}/cancellation", new { reason = "r", cancelledOn = "2019-03-01" }, 400, p.Hq,
            s => s.WithRequestHeader("If-Match", "version-one"));
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task repeated_idempotency_key_returns_the_first_answer_and_appends_once()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.Register();
        var key = Guid.NewGuid().ToString();
        var body = new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = 500_000m, approvedBy = "县扶贫开发领导小组", approvedOn = "2019-02-01" };
        var first = await Post($"/api/projects/{id}/approval", body, 200, p.Finance, s => s.WithRequestHeader("Idempotency-Key", key));
        var second = await Post($"/api/projects/{id}/approval", body, 200, p.Finance, s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.Equal(first.ReadAsText(), second.ReadAsText());
        Assert.Equal("true", second.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(2, await StreamVersion(id));

        var reused = Json(await Post($"/api/projects/{id}/approval", body with { approvedBudget = 1m }, 422, p.Finance,
            s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal("idempotency-key-reused", (string)reused["rule"]!);
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task repeated_registration_with_same_key_creates_one_project()
    {
        var p = Projects(UniqueName("官店镇"));
        var key = Guid.NewGuid().ToString();
        await p.RegisterVillage();
        var a = Json(await Post("/api/projects", p.Registration(), 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)));
        var b = Json(await Post("/api/projects", p.Registration(), 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal((string)a["id"]!, (string)b["id"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/projects?township={p.Township}"))["total"]!);
    }

    [Fact]
    public async Task concurrent_commands_on_one_project_never_lose_or_duplicate_an_event()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.RegisteredAndApproved();
        await p.SelectBuilder(id);
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", p.Hq);
        var attempts = Enumerable.Range(0, 8).Select(_ => client.PostAsync($"/api/projects/{id}/start",
            new StringContent("{\"startedOn\":\"2019-03-01\"}", System.Text.Encoding.UTF8, "application/json")));
        var codes = (await Task.WhenAll(attempts)).Select(r => (int)r.StatusCode).ToArray();
        Assert.Equal(1, codes.Count(c => c == 200));
        Assert.All(codes.Where(c => c != 200), c => Assert.Equal(409, c));
        Assert.Equal(4, await StreamVersion(id));
    }
}
