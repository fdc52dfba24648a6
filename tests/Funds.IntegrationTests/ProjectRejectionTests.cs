using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Every rejection is a problem response naming the rule, and appends nothing.</summary>
public class ProjectRejectionTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task missing_and_malformed_fields_are_400_with_field_errors()
    {
        var p = Projects(UniqueName("茅田乡"));
        var id = await p.Register();
        var problem = Json(await Post($"/api/projects/{id}/approval", new { approvedBudget = 12.345m }, 400, p.Finance));
        Assert.Equal("invalid-request", (string)problem["rule"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("approvalDocumentNo", errors.Select(e => e.Key));
        Assert.Contains("approvedOn", errors.Select(e => e.Key));
        Assert.Contains("two decimals", (string)errors["approvedBudget"]![0]!);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task registration_with_unknown_category_or_bad_year_is_400_and_creates_nothing()
    {
        var p = Projects(UniqueName("茅田乡"));
        
        var problem = Json(await Post("/api/projects",
            new { kind = "Infrastructure", category = "spaceport", name = "x", township = p.Township, village = "v", planYear = 1900 }, 400, p.Hq));
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("category", errors.Select(e => e.Key));
        Assert.Contains("planYear", errors.Select(e => e.Key));
        Assert.Equal(0, await RegistrationsIn(p.Township));
    }

    [Theory]
    [InlineData("{\"approvedBudget\":")]
    [InlineData("{\"approvedBudget\":\"lots\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"approvedOn\":\"2019-02-30\"}")]
    public async Task malformed_json_is_400_problem(string body)
    {
        var p = Projects(UniqueName("长梁乡"));
        var id = await p.Register();
        var result = await PostRaw($"/api/projects/{id}/approval", body, 400, p.Finance);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal("malformed-json", (string)Json(result)["rule"]!);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task unknown_project_is_404()
    {
        var missing = Guid.NewGuid();
        var problem = Json(await Post($"/api/projects/{missing}/start", new { startedOn = "2019-03-01" }, 404, Projects("官店镇").Hq));
        Assert.Equal("not-found", (string)problem["rule"]!);
        await Get($"/api/projects/{missing}", 404);
        Assert.Equal(0, await StreamVersion(missing));
    }

    [Fact]
    public async Task steps_out_of_order_are_409_naming_the_rule()
    {
        var p = Projects(UniqueName("红岩寺镇"));
        var id = await p.Register();
        async Task<string> Rule(string step, object body, string token) => (string)Json(await Post($"/api/projects/{id}/{step}", body, 409, token))["rule"]!;

        Assert.Equal("builder-requires-approval", await Rule("builder", ProjectDriver.Builder(1m), p.Hq));
        await p.Approve(id);
        Assert.Equal("start-requires-builder", await Rule("start", new { startedOn = "2019-03-01" }, p.Hq));
        Assert.Equal("completion-requires-start", await Rule("completion", new { completedOn = "2019-03-01" }, p.Hq));
        Assert.Equal("sign-off-requires-completion", await Rule("acceptance", new { signatories = new[] { "李国华" }, signedOn = "2019-03-01" }, p.Committee));
        Assert.Equal("settlement-requires-sign-off", await Rule("settlement", new { settledAmount = 1m, settledOn = "2019-03-01" }, p.Finance));
        Assert.Equal(4, await StreamVersion(id));
    }

    [Fact]
    public async Task settlement_without_sign_off_is_refused_even_after_completion()
    {
        var p = Projects(UniqueName("景阳镇"));
        var id = await p.Completed();
        var before = await StreamVersion(id);
        var problem = Json(await Post($"/api/projects/{id}/settlement", new { settledAmount = 100m, settledOn = "2019-07-01" }, 409, p.Finance));
        Assert.Equal("settlement-requires-sign-off", (string)problem["rule"]!);
        Assert.Equal(before, await StreamVersion(id));
    }

    [Fact]
    public async Task business_rules_on_values_are_422()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.RegisteredAndApproved();
        async Task Rule(string url, object body, string rule, string token)
        {
            var problem = Json(await Post(url, body, 422, token));
            Assert.Equal(rule, (string)problem["rule"]!);
            Assert.Equal("https://funds.example/problems/" + rule, (string)problem["type"]!);
        }

        await Rule($"/api/projects/{id}/builder", ProjectDriver.Builder(1_000_000.01m), "contract-exceeds-budget", p.Hq);
        await Rule($"/api/projects/{id}/builder", ProjectDriver.Builder(600_000m, method: "CollectiveDecision"), "tender-required", p.Hq);
        await Rule($"/api/projects/{id}/builder", ProjectDriver.Builder(1m, on: "2020-02-20"), "date-in-future", p.Hq);
        await Rule($"/api/projects/{id}/builder", ProjectDriver.Builder(1m, on: "2019-01-20"), "date-before-previous-step", p.Hq);
        await Rule($"/api/projects/{id}/income-distributions",
            new { period = "2019", householdTotal = 0m, collectiveAmount = 1m, distributedOn = "2019-12-01" }, "industry-only", p.Hq);
        Assert.Equal(4, await StreamVersion(id));

        var done = await p.Completed();
        await p.SignOff(done);
        await Rule($"/api/projects/{done}/settlement", new { settledAmount = 900_000.01m, settledOn = "2019-07-01" }, "settlement-exceeds-contract", p.Finance);
        Assert.Equal(8, await StreamVersion(done));
    }

    [Fact]
    public async Task invalid_credit_code_is_400()
    {
        var p = Projects(UniqueName("业州镇"));
        var id = await p.RegisteredAndApproved();
        var problem = Json(await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m, code: "91422822MA4955XK2X"), 400, p.Hq));
        Assert.Contains("creditCode", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(4, await StreamVersion(id));
    }
}
