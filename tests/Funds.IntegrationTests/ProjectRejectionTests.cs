using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Every rejection is a problem response naming the rule, and appends nothing.</summary>
public class ProjectRejectionTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task missing_and_malformed_fields_are_400_with_field_errors()
    {
        var id = await Projects.Register(ProjectDriver.Registration(UniqueName("茅田乡")));
        var problem = Json(await Post($"/api/projects/{id}/approval", new { approvedBudget = 12.345m }, 400));
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
        var before = await TotalEvents();
        var problem = Json(await Post("/api/projects",
            new { kind = "Infrastructure", category = "spaceport", name = "x", township = "t", village = "v", planYear = 1900 }, 400));
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("category", errors.Select(e => e.Key));
        Assert.Contains("planYear", errors.Select(e => e.Key));
        Assert.Equal(before, await TotalEvents());
    }

    [Theory]
    [InlineData("{\"approvedBudget\":")]
    [InlineData("{\"approvedBudget\":\"lots\"}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"approvedOn\":\"2019-02-30\"}")]
    public async Task malformed_json_is_400_problem(string body)
    {
        var id = await Projects.Register(ProjectDriver.Registration(UniqueName("长梁乡")));
        var result = await PostRaw($"/api/projects/{id}/approval", body, 400);
        Assert.Equal("application/problem+json", result.Context.Response.ContentType);
        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task unknown_project_is_404()
    {
        var missing = Guid.NewGuid();
        var problem = Json(await Post($"/api/projects/{missing}/start", new { startedOn = "2019-03-01" }, 404));
        Assert.Equal("not-found", (string)problem["rule"]!);
        await Get($"/api/projects/{missing}", 404);
        Assert.Equal(0, await StreamVersion(missing));
    }

    [Fact]
    public async Task steps_out_of_order_are_409_naming_the_rule()
    {
        var id = await Projects.Register(ProjectDriver.Registration(UniqueName("红岩寺镇")));
        Assert.Equal("builder-requires-approval", (string)Json(await Post($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2019-02-01" }, 409))["rule"]!);
        await Projects.Approve(id);
        Assert.Equal("start-requires-builder", (string)Json(await Post($"/api/projects/{id}/start", new { startedOn = "2019-03-01" }, 409))["rule"]!);
        Assert.Equal("completion-requires-start", (string)Json(await Post($"/api/projects/{id}/completion", new { completedOn = "2019-03-01" }, 409))["rule"]!);
        Assert.Equal("sign-off-requires-completion", (string)Json(await Post($"/api/projects/{id}/acceptance",
            new { signatories = new[] { "李国华" }, signedOn = "2019-03-01" }, 409))["rule"]!);
        Assert.Equal("settlement-requires-sign-off", (string)Json(await Post($"/api/projects/{id}/settlement",
            new { settledAmount = 1m, settledOn = "2019-03-01" }, 409))["rule"]!);
        Assert.Equal(2, await StreamVersion(id));
    }

    [Fact]
    public async Task settlement_without_sign_off_is_refused_even_after_completion()
    {
        var id = await Projects.Completed(UniqueName("景阳镇"));
        var before = await StreamVersion(id);
        var problem = Json(await Post($"/api/projects/{id}/settlement", new { settledAmount = 100m, settledOn = "2019-07-01" }, 409));
        Assert.Equal("settlement-requires-sign-off", (string)problem["rule"]!);
        Assert.Equal(before, await StreamVersion(id));
    }

    [Fact]
    public async Task business_rules_on_values_are_422()
    {
        var id = await Projects.RegisteredAndApproved(UniqueName("官店镇"));
        async Task Rule(string url, object body, string rule)
        {
            var problem = Json(await Post(url, body, 422));
            Assert.Equal(rule, (string)problem["rule"]!);
            Assert.Equal("https://funds.example/problems/" + rule, (string)problem["type"]!);
        }

        await Rule($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1_000_000.01m, selectedOn = "2019-02-20" },
            "contract-exceeds-budget");
        await Rule($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "CollectiveDecision", reference = "纪要", contractAmount = 600_000m, selectedOn = "2019-02-20" },
            "tender-required");
        await Rule($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2020-02-20" },
            "date-in-future");
        await Rule($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = ProjectDriver.BuilderCode, method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2019-01-20" },
            "date-before-previous-step");
        await Rule($"/api/projects/{id}/income-distributions",
            new { period = "2019", householdAmount = 1m, householdCount = 1, collectiveAmount = 1m, distributedOn = "2019-12-01" },
            "industry-only");
        Assert.Equal(2, await StreamVersion(id));

        var done = await Projects.Completed(UniqueName("官店镇"));
        await Projects.SignOff(done);
        await Rule($"/api/projects/{done}/settlement", new { settledAmount = 900_000.01m, settledOn = "2019-07-01" }, "settlement-exceeds-contract");
        Assert.Equal(6, await StreamVersion(done));
    }

    [Fact]
    public async Task invalid_credit_code_is_400()
    {
        var id = await Projects.RegisteredAndApproved(UniqueName("业州镇"));
        var problem = Json(await Post($"/api/projects/{id}/builder",
            new { builderName = "b", creditCode = "91422822MA4955XK2X", method = "PublicTender", reference = "r", contractAmount = 1m, selectedOn = "2019-02-20" }, 400));
        Assert.Contains("creditCode", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(2, await StreamVersion(id));
    }
}
