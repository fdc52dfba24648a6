using System.Text;
using Funds.Api.Admin;
using Funds.Api.FundSources;
using Funds.Api.Money;
using Funds.Projections.Money;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class FundFlowTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_yuan_is_traced_from_source_through_allocation_to_the_payee()
    {
        var p = Projects(UniqueName("官店镇"));
        var (project, source) = await Funds.FundedProject(p, received: 2_000_000m, allocated: 800_000m);
        await Funds.Disburse(project, source, 300_000m, voucher: "JSCZ-2019-0001");
        await Funds.Disburse(project, source, 330_000m, voucher: "JSCZ-2019-0002", on: "2019-05-01");

        var now = await Get<FundSourceDetails>($"/api/fund-sources/{source}");
        Assert.Equal((2_000_000m, 800_000m, 630_000m, 1_200_000m, 170_000m), (now.Received, now.Allocated, now.Disbursed, now.Unallocated, now.AllocatedNotDisbursed));
        Assert.Equal((800_000m, 630_000m, 170_000m), (now.Allocations.Single().Allocated, now.Allocations.Single().Disbursed, now.Allocations.Single().Available));

        await Projected();
        var trail = await Get<TrailPage>($"/api/projects/{project}/trail");
        Assert.Equal([FundingEntryType.Allocation, FundingEntryType.Disbursement, FundingEntryType.Disbursement], trail.Items.Select(l => l.Type));
        var last = trail.Items[2];
        Assert.Equal(("恩施州路桥建设有限公司", "JSCZ-2019-0002", "caiwu-li", "2019年中央财政专项扶贫资金"), (last.PayeeName, last.VoucherNo, last.By.Subject, last.SourceName));
        Assert.Equal((630_000m, 800_000m), (last.RunningDisbursed, last.RunningAllocated));
        Assert.Equal((800_000m, 630_000m), (trail.Allocated, trail.Disbursed));

        var filtered = await Get<TrailPage>($"/api/projects/{project}/trail?from=2019-04-15");
        Assert.Single(filtered.Items);

        var ledger = Json(await Get($"/api/fund-sources/{source}/trail"));
        Assert.Equal(4, (int)ledger["total"]!);
        var payee = Json(await Get($"/api/payees/{ProjectDriver.BuilderCode}/trail?source={source}"));
        Assert.Equal(2, (int)payee["total"]!);

        var report = Json(await Get($"/api/reports/funds?groupBy=township&township={Uri.EscapeDataString(p.Township)}"));
        var row = report["rows"]!.AsArray().Single()!;
        Assert.Equal(p.Township, (string)row["key"]!);
        Assert.Equal(800_000m, (decimal)row["allocated"]!);
        Assert.Equal(630_000m, (decimal)row["disbursed"]!);

        var reconciliation = await Reconciliation.RunAsync(App.Store, FundsApp.County, default);
        Assert.True(reconciliation.Consistent, string.Join("; ", reconciliation.Differences));
    }

    [Fact]
    public async Task trails_and_reports_come_as_excel_friendly_csv()
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        var (project, source) = await Funds.FundedProject(p, received: 100_000m, allocated: 50_000m, name: "杭州市东西部扶贫协作资金", kind: "EastWestCooperation");
        await Funds.Disburse(project, source, 12_345.67m, voucher: "=HYPERLINK(\"x\")");
        await Projected();

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Auditor);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var response = await client.GetAsync($"/api/projects/{project}/trail");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var raw = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, raw[..3]);
        var text = Encoding.UTF8.GetString(raw, 3, raw.Length - 3);
        Assert.Contains("杭州市东西部扶贫协作资金", text);
        Assert.Contains("恩施州路桥建设有限公司", text);
        Assert.Contains("12345.67", text);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", text);
        Assert.Equal(3, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);

        var report = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/reports/funds?groupBy=village&township={Uri.EscapeDataString(p.Township)}");
            s.WithRequestHeader("Accept", "text/csv");
            s.WithRequestHeader("Authorization", "Bearer " + Auditor);
        });
        Assert.Contains($"{p.Township}/黄坪村,50000.00,12345.67", report.ReadAsText());
    }

    [Fact]
    public async Task payment_rules_are_enforced_and_rejections_append_nothing()
    {
        var p = Projects(UniqueName("高坪镇"));
        var project = await p.RegisteredAndApproved();
        var source = await Funds.Source(received: 1_000_000m);
        var unapproved = await p.Register();

        async Task Rejected(string url, object body, int status, string rule)
        {
            var before = (await StreamVersion(project), await StreamVersion(source));
            Assert.Equal(rule, (string)Json(await Post(url, body, status, Funds.Finance))["rule"]!);
            Assert.Equal(before, (await StreamVersion(project), await StreamVersion(source)));
        }

        var allocate = $"/api/fund-sources/{source}/allocations";
        await Rejected(allocate, new { projectId = unapproved, amount = 1m, documentRef = "d", allocatedOn = "2019-02-10" }, 409, "allocation-requires-approved-project");
        await Rejected(allocate, new { projectId = project, amount = 1_000_000.01m, documentRef = "d", allocatedOn = "2019-02-10" }, 422, "source-balance-exceeded");
        await Rejected(allocate, new { projectId = Guid.NewGuid(), amount = 1m, documentRef = "d", allocatedOn = "2019-02-10" }, 422, "project-not-found");

        var pay = $"/api/projects/{project}/disbursements";
        await Rejected(pay, FundDriver.Payment(source, 1m, FundDriver.Voucher()), 409, "disbursement-requires-contract");
        await p.SelectBuilder(project, amount: 500_000m);
        await Rejected(pay, FundDriver.Payment(source, 1m, FundDriver.Voucher()), 409, "no-allocation");
        await Funds.Allocate(source, project, 600_000m);
        await Rejected(pay, FundDriver.Payment(Guid.NewGuid(), 1m, FundDriver.Voucher()), 422, "fund-source-not-found");
        await Rejected(pay, FundDriver.Payment(source, 350_000.01m, FundDriver.Voucher()), 422, "progress-cap-exceeded");
        await Rejected(pay, FundDriver.Payment(source, 1m, FundDriver.Voucher(), kind: "Final"), 409, "final-payment-requires-sign-off");
        await Rejected(pay, new { fundSourceId = source, amount = 1m, kind = "Progress", voucherNo = "v-1", paidOn = "2019-04-01", payeeName = "某劳务公司", payeeCreditCode = ProjectDriver.OtherBuilderCode },
            422, "payment-exception-required");

        await Funds.Disburse(project, source, 350_000m, voucher: "JSCZ-DUP-1");
        await Rejected(pay, FundDriver.Payment(source, 1m, "JSCZ-DUP-1"), 409, "voucher-already-used");

        await p.Start(project);
        await p.Complete(project);
        await p.SignOff(project);
        await Rejected(pay, FundDriver.Payment(source, 150_000.01m, FundDriver.Voucher(), kind: "Final", on: "2019-07-01"), 422, "contract-exceeded");
        await Funds.Disburse(project, source, 150_000m, kind: "Final", on: "2019-07-01");

        var reduce = $"/api/fund-sources/{source}/allocation-reductions";
        await Rejected(reduce, new { projectId = project, amount = 100_000.01m, change = "Reclaimed", reason = "项目结余", reducedOn = "2019-07-02" }, 422, "allocation-below-disbursed");
        await Post(reduce, new { projectId = project, amount = 100_000m, change = "Reclaimed", reason = "项目结余", reducedOn = "2019-07-02" }, 200, Funds.Finance);

        var now = Json(await Get($"/api/fund-sources/{source}"));
        Assert.Equal(500_000m, (decimal)now["allocated"]!);
        Assert.Equal(500_000m, (decimal)now["disbursed"]!);
        Assert.Equal(500_000m, (decimal)now["unallocated"]!);
    }

    [Fact]
    public async Task another_payee_needs_an_approved_payment_exception_whose_reason_the_trail_shows()
    {
        var p = Projects(UniqueName("业州镇"));
        var (project, source) = await Funds.FundedProject(p);
        var payment = new
        {
            fundSourceId = source, amount = 20_000m, kind = "Progress", voucherNo = FundDriver.Voucher(), paidOn = "2019-04-01",
            payeeName = "建始县农民工工资专户", payeeCreditCode = ProjectDriver.OtherBuilderCode, payeeReason = "农民工工资代发",
        };
        Assert.Equal("payment-exception-required", (string)Json(await Post($"/api/projects/{project}/disbursements", payment, 422, Funds.Finance))["rule"]!);
        var exception = await Funds.ApprovedException(project, "建始县农民工工资专户", ProjectDriver.OtherBuilderCode, 20_000m);
        await Post($"/api/projects/{project}/disbursements", payment with { }, 422, Funds.Finance);
        await Post($"/api/projects/{project}/disbursements", new
        {
            payment.fundSourceId, payment.amount, payment.kind, payment.voucherNo, payment.paidOn, payment.payeeName, payment.payeeCreditCode,
            payment.payeeReason, paymentExceptionId = exception,
        }, 200, Funds.Finance);
        await Projected();
        var payee = Json(await Get($"/api/payees/{ProjectDriver.OtherBuilderCode}/trail?source={source}"));
        Assert.Equal("农民工工资代发", (string)payee["items"]![0]!["note"]!);
    }

    [Fact]
    public async Task parallel_payments_can_never_overspend_an_allocation()
    {
        var p = Projects(UniqueName("景阳镇"));
        var (project, source) = await Funds.FundedProject(p, contract: 1_000_000m);

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Funds.Finance);
        var attempts = Enumerable.Range(0, 50).Select(i => client.PostAsync($"/api/projects/{project}/disbursements",
            new StringContent($$"""{"fundSourceId":"{{source}}","amount":10000.00,"kind":"Progress","voucherNo":"PAR-{{project:N}}-{{i}}","paidOn":"2019-04-01"}""",
                Encoding.UTF8, "application/json")));
        var responses = await Task.WhenAll(attempts);
        var codes = responses.Select(r => (int)r.StatusCode).ToList();

        Assert.Equal(10, codes.Count(c => c == 200));
        Assert.All(codes.Where(c => c != 200), c => Assert.True(c is 409 or 422, $"unexpected {c}"));
        var now = Json(await Get($"/api/fund-sources/{source}"));
        Assert.Equal(100_000m, (decimal)now["disbursed"]!);
        Assert.Equal(100_000m, (decimal)Json(await Get($"/api/projects/{project}"))["disbursed"]!);
        Assert.Equal(5 + 10, await StreamVersion(project));
        Assert.Equal(3, await StreamVersion(source));   // payments lock and change the project, not the source
        await Projected();
        var reconciliation = await Reconciliation.RunAsync(App.Store, FundsApp.County, default);
        Assert.True(reconciliation.Consistent, string.Join("; ", reconciliation.Differences));
    }

    [Fact]
    public async Task the_same_idempotency_key_sent_ten_times_at_once_pays_once_with_ten_identical_answers()
    {
        var p = Projects(UniqueName("红岩寺镇"));
        var (project, source) = await Funds.FundedProject(p);

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Funds.Finance);
        var key = Guid.NewGuid().ToString();
        var body = $$"""{"fundSourceId":"{{source}}","amount":1234.56,"kind":"Progress","voucherNo":"IDEM-{{key}}","paidOn":"2019-04-01"}""";
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{project}/disbursements") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request);
        }));
        var texts = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(responses.All(r => (int)r.StatusCode == 200), string.Join("\n", texts));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.Equal(1234.56m, (decimal)Json(await Get($"/api/projects/{project}"))["disbursed"]!);
        Assert.Equal(5 + 1, await StreamVersion(project));
    }

    [Fact]
    public async Task fund_commands_are_for_the_finance_bureau()
    {
        var source = await Funds.Source(received: 0m);
        var body = new { amount = 1m, documentRef = "d", receivedOn = "2019-01-20" };
        await Post($"/api/fund-sources/{source}/receipts", body, 401, token: null);
        await Post($"/api/fund-sources/{source}/receipts", body, 403, App.Token(Roles.TownshipHq, "官店镇"));
        await Post($"/api/fund-sources/{source}/receipts", body, 403, App.Token(Roles.Auditor));
        await Post("/api/fund-sources", new { name = "x", kind = "Social", fiscalYear = 2019, documentRef = "d" }, 403, App.Token(Roles.Supervisor));
        await Post($"/api/projects/{Guid.NewGuid()}/disbursements", FundDriver.Payment(source, 1m, "v"), 403, App.Token(Roles.TownshipHq, "官店镇"));
        Assert.Equal(1, await StreamVersion(source));
    }
}
