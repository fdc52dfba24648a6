using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class SubcontractAndFourEyesTests(FundsApp app) : IntegrationTest(app)
{
    private const string SubCode = "91422822MA49AB123M";
    private static readonly string Materials = global::Funds.Domain.Common.CreditCode.Complete("91422822MA4A12345");
    private static readonly string Other = global::Funds.Domain.Common.CreditCode.Complete("91422822MA4A12346");

    [Fact]
    public async Task a_subcontract_is_one_level_deep_and_its_subcontractor_is_paid_on_the_normal_path()
    {
        var p = Projects(UniqueName("官店镇"));
        var (project, source) = await Funds.FundedProject(p, received: 300_000m);
        var sub = new { subcontractorName = "建始县劳务有限公司", creditCode = SubCode, scope = "路基土方", amount = 200_000m, declaredOn = "2019-03-01" };
        await Post($"/api/projects/{project}/subcontracts", sub, 403, p.Finance);
        await Post($"/api/projects/{project}/subcontracts", sub, 200, p.Hq);
        var layered = Json(await Post($"/api/projects/{project}/subcontracts",
            new { subcontractorName = "转包公司", creditCode = Other, scope = "土方", amount = 50_000m, declaredOn = "2019-03-02", contractorCreditCode = SubCode }, 422, p.Hq));
        Assert.Equal("layered-subcontracting", (string)layered["rule"]!);

        await Post($"/api/projects/{project}/disbursements", new
        {
            fundSourceId = source, amount = 40_000m, kind = "Progress", voucherNo = FundDriver.Voucher(), paidOn = "2019-04-01",
            payeeName = "建始县劳务有限公司", payeeCreditCode = SubCode,
        }, 200, Funds.Finance);
        var details = Json(await Get($"/api/projects/{project}"));
        Assert.Equal(SubCode, (string)details["subcontracts"]!.AsArray().Single()!["subcontractor"]!["creditCode"]!);
        Assert.Equal(40_000m, (decimal)details["disbursed"]!);
    }

    [Fact]
    public async Task money_off_the_normal_path_needs_two_finance_users_and_every_exception_is_on_the_supervisors_list()
    {
        var p = Projects(UniqueName("花坪镇"));
        var (project, source) = await Funds.FundedProject(p, received: 300_000m);
        var li = App.Token(Roles.Finance, subject: "caiwu-li");
        var zhao = App.Token(Roles.Finance, subject: "caiwu-zhao");
        var asked = Json(await Post($"/api/projects/{project}/payment-exceptions",
            new { payeeName = "恩施州建材公司", payeeCreditCode = Materials, amount = 30_000m, reason = "受施工单位书面委托直接支付材料款", requestedOn = "2019-04-01" }, 200, li));
        var id = (string)asked["paymentExceptions"]!.AsArray().Single()!["id"]!;
        Assert.Equal("OtherPayee", (string)asked["paymentExceptions"]![0]!["grounds"]![0]!);
        await Post($"/api/projects/{project}/payment-exceptions",
            new { amount = 30_000m, reason = "x", requestedOn = "2019-04-01" }, 403, App.Token(Roles.Supervisor));

        var before = await StreamVersion(project);
        Assert.Equal("four-eyes", (string)Json(await Post($"/api/projects/{project}/payment-exception-approvals", new { exceptionId = id, approvedOn = "2019-04-02" }, 403, li))["rule"]!);
        Assert.Equal(before, await StreamVersion(project));

        var pending = Json(await Get("/api/payment-exceptions?status=Requested&township=" + Uri.EscapeDataString(p.Township), token: App.Token(Roles.Supervisor)));
        Assert.Equal(1, (int)pending["total"]!);
        await Post($"/api/projects/{project}/payment-exception-approvals", new { exceptionId = id, approvedOn = "2019-04-02" }, 200, zhao);
        await Post($"/api/projects/{project}/disbursements", new
        {
            fundSourceId = source, amount = 30_000m, kind = "Progress", voucherNo = FundDriver.Voucher(), paidOn = "2019-04-03",
            payeeName = "恩施州建材公司", payeeCreditCode = Other, paymentExceptionId = id,
        }, 422, li); // another payee than the exception names
        await Post($"/api/projects/{project}/disbursements", new
        {
            fundSourceId = source, amount = 30_000m, kind = "Progress", voucherNo = FundDriver.Voucher(), paidOn = "2019-04-03",
            payeeName = "恩施州建材公司", payeeCreditCode = Materials, paymentExceptionId = id,
        }, 200, li);

        var list = Json(await Get("/api/payment-exceptions?township=" + Uri.EscapeDataString(p.Township), token: App.Token(Roles.Supervisor)));
        var line = list["items"]!.AsArray().Single()!;
        Assert.Equal(("Used", "caiwu-li", "caiwu-zhao", "受施工单位书面委托直接支付材料款"),
            ((string)line["status"]!, (string)line["requestedBy"]!["subject"]!, (string)line["approvedBy"]!["subject"]!, (string)line["reason"]!));
        await Get("/api/payment-exceptions", 403, App.Token(Roles.TownshipHq, p.Township));

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", App.Token(Roles.Auditor));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var csv = await client.GetStringAsync("/api/payment-exceptions?township=" + Uri.EscapeDataString(p.Township));
        Assert.Contains("受施工单位书面委托直接支付材料款", csv);
        Assert.Contains(",Used", csv);
    }
}
