using System.Text.Json.Nodes;
using Alba;
using Funds.Domain.Access;

namespace Funds.IntegrationTests.Infrastructure;

public delegate Task<IScenarioResult> PostFunc(string url, object body, int status, string? token, Action<Scenario>? configure = null);

/// <summary>Walks projects of one township and village through their steps over HTTP, each step
/// with the token of the role that may take it, and valid data unless told otherwise.</summary>
public sealed class ProjectDriver(FundsApp app, string township, string village, PostFunc post)
{
    public const string BuilderCode = "91422822MA4955XK21";
    public const string OtherBuilderCode = "91422822MA49AB123M";

    public string Township => township;
    public string Village => village;
    public string Hq => app.Token(Roles.TownshipHq, township);
    public string Committee => app.Token(Roles.VillageCommittee, Roles.VillageScope(township, village));
    public string Finance => app.Token(Roles.Finance);

    public object Registration(string kind = "Infrastructure", string category = "road", int planYear = 2019, string registeredOn = "2019-01-10", string? inVillage = null)
        => new { kind, category, name = "通组公路硬化 " + (inVillage ?? village), township, village = inVillage ?? village, planYear, registeredOn };

    private async Task<JsonObject> Send(string url, object body, int status, string token)
        => JsonNode.Parse((await post(url, body, status, token)).ReadAsText())!.AsObject();

    /// <summary>Registers the driver's village (or another of its township) on the county's register, once.</summary>
    public Task RegisterVillage(string? name = null) => app.RegisterVillage(township, name ?? village);

    /// <summary>Registers a project, after putting the village it names on the county's register.</summary>
    public async Task<Guid> Register(object? registration = null)
    {
        registration ??= Registration();
        var json = System.Text.Json.JsonSerializer.SerializeToNode(registration)!;
        if (json["township"]?.GetValue<string>() is { } t && json["village"]?.GetValue<string>() is { } v) await app.RegisterVillage(t, v);
        return Guid.Parse((string)(await Send("/api/projects", registration, 201, Hq))["id"]!);
    }

    /// <summary>Screening (筛选) and assessment (论证), the steps every approval needs, dated <paramref name="on"/>:
    /// screened in, feasible, the budget planned from one special poverty fund.</summary>
    public async Task ScreenAndAssess(Guid id, decimal budget = 1_000_000m, string on = "2019-02-01")
    {
        await Send($"/api/projects/{id}/screening", Screening(on: on), 200, Hq);
        await Send($"/api/projects/{id}/assessment", Assessment(budget, on), 200, Hq);
    }

    public static object Screening(bool included = true, string on = "2019-02-01")
        => new { included, reason = included ? "列入2019年度脱贫攻坚项目库" : "不符合扶贫项目条件", screenedOn = on };

    public static object Assessment(decimal budget = 1_000_000m, string on = "2019-02-01", bool feasible = true)
        => new { feasible, conclusion = feasible ? "技术可行，带贫效果明显" : "水源不稳定，不可行", householdsReached = 46,
            plannedFunding = new[] { new { kind = "SpecialPovertyFund", amount = budget } }, assessedOn = on };

    public static object Approval(decimal budget = 1_000_000m, string on = "2019-02-01")
        => new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = budget, approvedBy = "建始县扶贫开发领导小组", approvedOn = on };

    /// <summary>Screened, assessed and approved by the finance bureau.</summary>
    public async Task Approve(Guid id, decimal budget = 1_000_000m, string on = "2019-02-01")
    {
        await ScreenAndAssess(id, budget, on);
        await Send($"/api/projects/{id}/approval", Approval(budget, on), 200, Finance);
    }

    public static object Builder(decimal amount = 900_000m, string method = "PublicTender", string on = "2019-02-20", string code = BuilderCode)
        => new { builderName = "恩施州路桥建设有限公司", creditCode = code, method, reference = "JSZB-2019-031", contractAmount = amount, selectedOn = on };

    public Task SelectBuilder(Guid id, decimal amount = 900_000m) => Send($"/api/projects/{id}/builder", Builder(amount), 200, Hq);

    public Task Start(Guid id, string on = "2019-03-01") => Send($"/api/projects/{id}/start", new { startedOn = on }, 200, Hq);

    public Task Complete(Guid id, string on = "2019-06-20") => Send($"/api/projects/{id}/completion", new { completedOn = on }, 200, Hq);

    public Task SignOff(Guid id, string on = "2019-06-25")
        => Send($"/api/projects/{id}/acceptance", new { signatories = new[] { "李国华", "王秀英" }, signedOn = on }, 200, Committee);

    public Task Settle(Guid id, decimal amount = 880_000m, string on = "2019-07-10")
        => Send($"/api/projects/{id}/settlement", new { settledAmount = amount, settledOn = on }, 200, Finance);

    public async Task<Guid> RegisteredAndApproved()
    {
        var id = await Register();
        await Approve(id);
        return id;
    }

    public async Task<Guid> Completed()
    {
        var id = await RegisteredAndApproved();
        await SelectBuilder(id);
        await Start(id);
        await Complete(id);
        return id;
    }
}
