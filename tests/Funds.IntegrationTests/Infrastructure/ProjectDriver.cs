using System.Text.Json.Nodes;

namespace Funds.IntegrationTests.Infrastructure;

/// <summary>Walks a project through its steps over HTTP, with valid data unless told otherwise.</summary>
public sealed class ProjectDriver(Func<string, object, int, Task<JsonObject>> post)
{
    public const string BuilderCode = "91422822MA4955XK21";
    public const string OtherBuilderCode = "91422822MA49AB123M";

    public static object Registration(string township, string village = "黄坪村", string kind = "Infrastructure",
        string category = "road", int planYear = 2019, string registeredOn = "2019-01-10")
        => new { kind, category, name = "通组公路硬化 " + village, township, village, planYear, registeredOn };

    public async Task<Guid> Register(object registration)
        => Guid.Parse((string)(await post("/api/projects", registration, 201))["id"]!);

    public Task Approve(Guid id, decimal budget = 1_000_000m, string on = "2019-02-01")
        => post($"/api/projects/{id}/approval", new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = budget, approvedBy = "建始县扶贫开发领导小组", approvedOn = on }, 200);

    public Task SelectBuilder(Guid id, decimal amount = 900_000m, string method = "PublicTender", string on = "2019-02-20")
        => post($"/api/projects/{id}/builder", new { builderName = "恩施州路桥建设有限公司", creditCode = BuilderCode, method, reference = "JSZB-2019-031", contractAmount = amount, selectedOn = on }, 200);

    public Task Start(Guid id, string on = "2019-03-01") => post($"/api/projects/{id}/start", new { startedOn = on }, 200);

    public Task Complete(Guid id, string on = "2019-06-20") => post($"/api/projects/{id}/completion", new { completedOn = on }, 200);

    public Task SignOff(Guid id, string on = "2019-06-25")
        => post($"/api/projects/{id}/acceptance", new { signatories = new[] { "李国华", "王秀英" }, signedOn = on }, 200);

    public Task Settle(Guid id, decimal amount = 880_000m, string on = "2019-07-10")
        => post($"/api/projects/{id}/settlement", new { settledAmount = amount, settledOn = on }, 200);

    public async Task<Guid> RegisteredAndApproved(string township)
    {
        var id = await Register(Registration(township));
        await Approve(id);
        return id;
    }

    public async Task<Guid> Completed(string township)
    {
        var id = await RegisteredAndApproved(township);
        await SelectBuilder(id);
        await Start(id);
        await Complete(id);
        return id;
    }
}
