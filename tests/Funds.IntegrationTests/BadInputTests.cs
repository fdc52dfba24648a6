using System.Net;
using Funds.Api.Pipeline;
using System.Text;
using System.Text.Json.Nodes;
using Funds.Domain.Common;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>A generated battery: every field of every write endpoint's valid body is mutated in turn
/// (missing, null, wrong type, zero, negative, absurd, too many decimals, impossible date, very long,
/// SQL- and script-looking text). No mutation may cause a 5xx; a rejected one appends nothing.</summary>
public class BadInputTests(FundsApp app) : IntegrationTest(app)
{
    private static readonly JsonNode?[] Mutations =
    [
        null, "", "   ", "abc", 123, -1, 0, 0.001, 1e30, -99999999999999.99, true, new JsonArray(), new JsonObject(),
        "2019-02-30", "9999-12-31", "0001-01-01", new string('长', 5000), "'; drop table funds.mt_events; --",
        "<script>alert(1)</script>", "\u0000\u0007", "Robert'); DELETE FROM mt_streams;--", "𠀀𪚥龘",
    ];

    public static TheoryData<string> Endpoints => new()
    {
        "approval", "builder", "builder-change", "start", "completion", "acceptance", "acceptance-refusal",
        "settlement", "cancellation", "operating-entity", "income-distributions", "reviews", "disbursements",
        "benefit-links", "benefit-link-endings",
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task no_mutation_of_a_project_command_causes_a_5xx_or_appends_after_rejection(string step)
    {
        var p = Projects(UniqueName("官店镇"));
        var project = await p.Register(p.Registration(kind: "Industry", category: "cooperative"));
        await p.Approve(project);
        var source = await Funds.Source(received: 1_000m);
        var (body, token) = Valid(step, source, p);
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var fields = body.Select(kv => kv.Key).ToList();
        var attempts = 0;
        foreach (var field in fields)
        foreach (var value in Mutations.Prepend(JsonValue.Create("__remove__")))
        {
            var mutated = body.DeepClone().AsObject();
            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s == "__remove__") mutated.Remove(field);
            else mutated[field] = value?.DeepClone();
            var before = (await StreamVersion(project), await StreamVersion(source));
            var response = await client.PostAsync($"/api/projects/{project}/{step}", new StringContent(mutated.ToJsonString(), Encoding.UTF8, "application/json"));
            attempts++;
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{step}.{field} = {value?.ToJsonString() ?? "null"} gave {status}: {await response.Content.ReadAsStringAsync()}");
            if (status >= 400)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal(before, (await StreamVersion(project), await StreamVersion(source)));
            }
        }
        Assert.True(attempts > 20);
    }

    [Fact]
    public async Task registration_survives_every_mutation_and_round_trips_chinese_exactly()
    {
        var p = Projects(UniqueName("官店镇"));
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", p.Hq);
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(p.Registration()))!.AsObject();
        foreach (var field in body.Select(kv => kv.Key).ToList())
        foreach (var value in Mutations)
        {
            var mutated = body.DeepClone().AsObject();
            mutated[field] = value?.DeepClone();
            var response = await client.PostAsync("/api/projects", new StringContent(mutated.ToJsonString(), Encoding.UTF8, "application/json"));
            Assert.True((int)response.StatusCode < 500, $"{field} = {value?.ToJsonString()} gave {(int)response.StatusCode}");
        }

        await p.RegisterVillage();
        const string name = "建始县官店镇黄坪村𠀀组“一村一品”茶叶基地(二期)—— 'quoted' <b>&amp;";
        var created = Json(await Post("/api/projects", new { kind = "Industry", category = "product-base", name, township = p.Township, village = "黄坪村", planYear = 2019 }, 201, p.Hq));
        var read = Json(await Get($"/api/projects/{(string)created["id"]!}"));
        Assert.Equal(name, (string)read["name"]!);
    }

    [Theory]
    [InlineData("/api/projects?township=%00")]
    [InlineData("/api/projects?planYear=abc")]
    [InlineData("/api/projects?page=-1")]
    [InlineData("/api/deadlines?asOf=2019-02-30")]
    [InlineData("/api/deadlines?knownAt=yesterday")]
    [InlineData("/api/reports/funds?from=2019-12-01&to=2019-01-01")]
    [InlineData("/api/projects/not-a-guid/trail")]
    public async Task bad_query_strings_are_4xx_problems(string url)
    {
        var result = await Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.WithRequestHeader("Authorization", "Bearer " + Auditor);
            s.IgnoreStatusCode();
        });
        Assert.InRange(result.Context.Response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task oversized_bodies_are_refused_with_413()
    {
        var p = Projects(UniqueName("官店镇"));
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", p.Hq);
        var huge = "{\"name\":\"" + new string('x', RequestLimits.MaxBodyBytes + 10) + "\"}";
        var response = await client.PostAsync("/api/projects", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await RegistrationsIn(p.Township));
    }

    private (JsonObject Body, string Token) Valid(string step, Guid source, ProjectDriver p)
    {
        object body = step switch
        {
            "approval" => new { approvalDocumentNo = "d", approvedBudget = 10m, approvedBy = "a", approvedOn = "2019-02-01" },
            "builder" => ProjectDriver.Builder(10m),
            "builder-change" => new { builderName = "b", creditCode = ProjectDriver.OtherBuilderCode, method = "PublicTender", reference = "r", contractAmount = 5m, reason = "r", changedOn = "2019-03-01" },
            "start" => new { startedOn = "2019-03-01" },
            "completion" => new { completedOn = "2019-06-01" },
            "acceptance" => new { signatories = new[] { "李国华" }, signedOn = "2019-06-05" },
            "acceptance-refusal" => new { reasons = "r", signatories = new[] { "李国华" }, refusedOn = "2019-06-05" },
            "settlement" => new { settledAmount = 5m, settledOn = "2019-07-01" },
            "cancellation" => new { reason = "r", cancelledOn = "2019-03-01" },
            "operating-entity" => new { name = "社", creditCode = ProjectDriver.BuilderCode, assignedOn = "2019-03-01" },
            "income-distributions" => new { period = "2019", householdTotal = 1m, collectiveAmount = 1m, recipients = new[] { new { householdId = Guid.NewGuid() } },
                poorWeight = 1m, exitedWeight = 0.5m, distributedOn = "2019-12-01" },
            "benefit-links" => new { householdId = Guid.NewGuid(), kind = "Dividend", expectedAnnualBenefit = 100m, linkedOn = "2019-03-01", note = "n" },
            "benefit-link-endings" => new { linkId = Guid.NewGuid(), reason = "r", endedOn = "2019-03-01" },
            "reviews" => new { outcome = "Weak", measure = "m", reviewedOn = "2019-12-01" },
            "disbursements" => FundDriver.Payment(source, 1m, FundDriver.Voucher()),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        var token = step switch
        {
            "approval" or "settlement" or "disbursements" => p.Finance,
            "acceptance" or "acceptance-refusal" => p.Committee,
            _ => p.Hq,
        };
        return (JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!.AsObject(), token);
    }
}
