using System.Text.Json.Nodes;
using Funds.Domain.Access;

namespace Funds.IntegrationTests.Infrastructure;

/// <summary>Fund sources, allocations and disbursements over HTTP as the finance bureau.</summary>
public sealed class FundDriver(FundsApp app, PostFunc post)
{
    public string Finance => app.Token(Roles.Finance, subject: "caiwu-li");

    private async Task<JsonObject> Send(string url, object body, int status = 200)
        => JsonNode.Parse((await post(url, body, status, Finance)).ReadAsText())!.AsObject();

    public async Task<Guid> Source(decimal received, string name = "2019年中央财政专项扶贫资金", string kind = "SpecialPovertyFund")
    {
        var id = Guid.Parse((string)(await Send("/api/fund-sources",
            new { name, kind, fiscalYear = 2019, documentRef = "鄂财农发〔2019〕1号", registeredOn = "2019-01-05" }, 201))["id"]!);
        if (received > 0) await Send($"/api/fund-sources/{id}/receipts", new { amount = received, documentRef = "到位通知1号", receivedOn = "2019-01-20" });
        return id;
    }

    public Task Allocate(Guid source, Guid project, decimal amount, string on = "2019-02-10")
        => Send($"/api/fund-sources/{source}/allocations", new { projectId = project, amount, documentRef = "建财预〔2019〕8号", allocatedOn = on });

    public static object Payment(Guid source, decimal amount, string voucher, string kind = "Progress", string on = "2019-04-01")
        => new { fundSourceId = source, amount, kind, voucherNo = voucher, paidOn = on };

    public Task<JsonObject> Disburse(Guid project, Guid source, decimal amount, string? voucher = null, string kind = "Progress", string on = "2019-04-01")
        => Send($"/api/projects/{project}/disbursements", Payment(source, amount, voucher ?? Voucher(), kind, on));

    /// <summary>Four eyes: a payment exception asked for by one finance user (caiwu-li) and approved by another (caiwu-zhao); its id.</summary>
    public async Task<Guid> ApprovedException(Guid project, string? payeeName, string? payeeCreditCode, decimal amount, string on = "2019-04-01")
    {
        var asked = await Send($"/api/projects/{project}/payment-exceptions",
            new { payeeName, payeeCreditCode, amount, reason = "农民工工资代发", requestedOn = on });
        var id = Guid.Parse((string)asked["paymentExceptions"]!.AsArray().Last()!["id"]!);
        await post($"/api/projects/{project}/payment-exception-approvals", new { exceptionId = id, approvedOn = on }, 200, app.Token(Roles.Finance, subject: "caiwu-zhao"));
        return id;
    }

    public static string Voucher() => "JSCZ-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The set-up most money tests start from: an approved project of <paramref name="p"/> with a builder under
    /// contract, and a new source that received money and allocated (all of it, unless told) to the project.</summary>
    public async Task<(Guid Project, Guid Source)> FundedProject(ProjectDriver p, decimal contract = 900_000m, decimal received = 100_000m,
        decimal? allocated = null, string name = "2019年中央财政专项扶贫资金", string kind = "SpecialPovertyFund")
    {
        var project = await p.RegisteredAndApproved();
        await p.SelectBuilder(project, contract);
        var source = await Source(received, name, kind);
        await Allocate(source, project, allocated ?? received);
        return (project, source);
    }
}
