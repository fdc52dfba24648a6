using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class ConcurrencyAndRetryTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task stale_if_match_is_412_and_appends_nothing()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.RegisteredAndApproved();
        var problem = Json(await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m), 412, p.Hq, s => s.WithRequestHeader("If-Match", "\"3\"")));
        Assert.Equal("stale-version", (string)problem["rule"]!);
        Assert.Equal(4, await StreamVersion(id));

        var ok = await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m), 200, p.Hq, s => s.WithRequestHeader("If-Match", "\"4\""));
        Assert.Equal("\"5\"", ok.Context.Response.Headers.ETag.ToString());
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
        await p.ScreenAndAssess(id, 500_000m);
        var key = Guid.NewGuid().ToString();
        var body = new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = 500_000m, approvedBy = "县扶贫开发领导小组", approvedOn = "2019-02-01" };
        var first = await Post($"/api/projects/{id}/approval", body, 200, p.Finance, s => s.WithRequestHeader("Idempotency-Key", key));
        var second = await Post($"/api/projects/{id}/approval", body, 200, p.Finance, s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.Equal(first.ReadAsText(), second.ReadAsText());
        Assert.Equal("true", second.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(4, await StreamVersion(id));

        var reused = Json(await Post($"/api/projects/{id}/approval", body with { approvedBudget = 1m }, 422, p.Finance,
            s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal("idempotency-key-reused", (string)reused["rule"]!);
        Assert.Equal(4, await StreamVersion(id));
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
    public async Task a_stored_answer_is_never_replayed_to_the_same_subject_acting_in_another_scope()
    {
        var key = Guid.NewGuid().ToString();
        var a = Projects(UniqueName("官店镇"));
        var b = Projects(UniqueName("高坪镇"));
        string As(ProjectDriver p) => App.Token(Roles.TownshipHq, p.Township, subject: "zhang-hq");
        await a.RegisterVillage();
        await b.RegisterVillage();

        var first = Json(await Post("/api/projects", a.Registration(), 201, As(a), s => s.WithRequestHeader("Idempotency-Key", key)));
        // Same subject and key, another township: its own command, neither A's answer nor a 422 for the "reused" key.
        var other = await Post("/api/projects", b.Registration(), 201, As(b), s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.NotEqual("true", other.Context.Response.Headers["Idempotent-Replayed"].ToString());
        Assert.NotEqual((string)first["id"]!, (string)Json(other)["id"]!);
        Assert.Equal(1, await RegistrationsIn(b.Township));

        // Not authorized for A's township any more: refused before any stored answer is looked at.
        var refused = Json(await Post("/api/projects", a.Registration(), 403, As(b), s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.Equal("outside-scope", (string)refused["rule"]!);
    }

    [Fact]
    public async Task a_stored_answer_expires_after_the_retention_time_and_the_key_then_starts_a_new_command()
    {
        var p = Projects(UniqueName("官店镇"));
        await p.RegisterVillage();
        var key = Guid.NewGuid().ToString();
        var first = Json(await Post("/api/projects", p.Registration(), 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)));
        await using (var conn = new Npgsql.NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync();
            await using var age = new Npgsql.NpgsqlCommand(
                "update funds.mt_doc_idempotentresponse set data = jsonb_set(data, '{recordedAt}', to_jsonb(@at::timestamptz)) where id like @k", conn);
            age.Parameters.AddWithValue("at", App.Clock.GetUtcNow().AddHours(-25).ToUniversalTime());
            age.Parameters.AddWithValue("k", "%|" + key);
            Assert.Equal(1, await age.ExecuteNonQueryAsync());
        }
        var later = Json(await Post("/api/projects", p.Registration(), 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)));
        Assert.NotEqual((string)first["id"]!, (string)later["id"]!);
        Assert.Equal(2, await RegistrationsIn(p.Township));
        var replay = await Post("/api/projects", p.Registration(), 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key));
        Assert.Equal((string)later["id"]!, (string)Json(replay)["id"]!);
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
        Assert.Equal(6, await StreamVersion(id));
    }
}
