using System.Text.Json.Nodes;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>The OpenAPI document as a generated client reads it: required command fields, exact money, enums, formats.</summary>
public class OpenApiContractTests(FundsApp app) : IntegrationTest(app)
{
    private async Task<JsonObject> Document()
    {
        var doc = Json(await Get("/swagger/v1/swagger.json"));
        if (Environment.GetEnvironmentVariable("FUNDS_DUMP_OPENAPI") is { Length: > 0 } file) File.WriteAllText(file, doc.ToJsonString());
        return doc;
    }

    [Fact]
    public async Task command_fields_without_a_default_are_required_and_not_nullable()
    {
        var schemas = (await Document())["components"]!["schemas"]!;
        var register = schemas["RegisterProject"]!;
        var required = register["required"]!.AsArray().Select(n => (string)n!).ToHashSet();
        Assert.Equal(new HashSet<string> { "kind", "category", "name", "township", "village", "planYear" }, required);
        Assert.DoesNotContain("registeredOn", required);
        Assert.Null(register["properties"]!["name"]!["nullable"]);
        Assert.True((bool)register["properties"]!["registeredOn"]!["nullable"]!);
        Assert.Contains("road", register["properties"]!["category"]!["enum"]!.AsArray().Select(n => (string)n!));

        var pay = schemas["DisburseFunds"]!;
        Assert.DoesNotContain("payeeName", pay["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("decimal", (string)pay["properties"]!["amount"]!["format"]!);
        Assert.Equal("number", (string)pay["properties"]!["amount"]!["type"]!);
        Assert.Equal("decimal", (string)schemas["ProjectDetails"]!["properties"]!["incomeToHouseholds"]!["format"]!);
        Assert.Equal("date", (string)schemas["ApproveProject"]!["properties"]!["approvedOn"]!["format"]!);
        Assert.Equal(["Infrastructure", "Industry"], schemas["ProjectKind"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task every_api_operation_names_its_roles()
    {
        var paths = (await Document())["paths"]!.AsObject();
        foreach (var (path, ops) in paths.Where(p => p.Key.StartsWith("/api/") && !p.Key.StartsWith("/api/dev/")))
        foreach (var (method, op) in ops!.AsObject())
            Assert.True(op!["x-roles"] is JsonArray { Count: > 0 }, $"{method} {path} names no roles");
        Assert.Equal(["finance", "township-hq"], paths["/api/projects/{id}/approval"]!["post"]!["x-roles"]!.AsArray().Select(n => (string)n!));
    }
}
