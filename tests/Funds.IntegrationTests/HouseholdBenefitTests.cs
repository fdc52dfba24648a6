using System.Text;
using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.IntegrationTests.Infrastructure;
using Marten;

namespace Funds.IntegrationTests;

/// <summary>The people the money is for, through HTTP: households on a village register, linked to an industry project,
/// paid per household with differentiated shares, the collective's share in the village poverty fund and paid out by
/// decision, every household's trail; poverty micro-credit loans from issue to repayment with interest subsidies.</summary>
public class HouseholdBenefitTests(FundsApp app) : IntegrationTest(app)
{
    private static string Identity(int n) => IdentityNumbers.Complete($"422822{1950 + n % 45}{n % 12 + 1:00}{n % 28 + 1:00}{n / 7 % 1000:000}");

    private async Task<Guid> Household(ProjectDriver p, string code, string head, int labour = 2, string status = "Poor", int? n = null)
        => Guid.Parse((string)Json(await Post("/api/households", new
        {
            code, township = p.Township, village = p.Village, headName = head, identityNumber = Identity(n ?? Random.Shared.Next(1_000_000)),
            size = 4, labourMembers = labour, status, effectiveOn = "2015-03-01",
        }, 201, p.Hq))["id"]!);

    private async Task<Guid> OperatingIndustryProject(ProjectDriver p)
    {
        var id = await p.Register(p.Registration(kind: "Industry", category: "cooperative"));
        await p.Approve(id, budget: 300_000m);
        await p.SelectBuilder(id, 280_000m);
        await p.Start(id);
        await p.Complete(id);
        await p.SignOff(id);
        await Post($"/api/projects/{id}/operating-entity", new { name = "黄坪村茶叶专业合作社", creditCode = ProjectDriver.BuilderCode, assignedOn = "2019-06-26" }, 200, p.Hq);
        return id;
    }

    private static string Code() => "HH-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task households_are_linked_paid_per_household_and_the_collective_share_fills_the_village_fund()
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        var project = await OperatingIndustryProject(p);
        var (codeA, codeB, codeC) = (Code(), Code(), Code());
        var a = await Household(p, codeA, "李国华");
        var b = await Household(p, codeB, "王秀英");
        var c = await Household(p, codeC, "张德明", labour: 1);
        var d = await Household(p, Code(), "刘建军", status: "NotPoor");
        await Post($"/api/households/{b}/status", new { status = "ExitedMonitored", reason = "2018年度脱贫", effectiveOn = "2018-12-15" }, 200, p.Hq);

        // the same code or the same person twice is refused; the identity number is never answered in clear
        var n = Random.Shared.Next(1_000_000);
        await Household(p, Code(), "重复", n: n);
        Assert.Equal("identity-already-registered", (string)Json(await Post("/api/households", new { code = Code(), township = p.Township, village = p.Village,
            headName = "重复", identityNumber = Identity(n), size = 1, labourMembers = 1, status = "Poor", effectiveOn = "2015-03-01" }, 409, p.Hq))["rule"]!);
        Assert.Equal("household-already-registered", (string)Json(await Post("/api/households", new { code = codeA, township = p.Township, village = p.Village,
            headName = "重复", identityNumber = Identity(n + 1), size = 1, labourMembers = 1, status = "Poor", effectiveOn = "2015-03-01" }, 409, p.Hq))["rule"]!);
        Assert.Equal("village-not-registered", (string)Json(await Post("/api/households", new { code = Code(), township = p.Township, village = "没有村",
            headName = "某", identityNumber = Identity(n + 2), size = 1, labourMembers = 1, status = "Poor", effectiveOn = "2015-03-01" }, 422, p.Hq))["rule"]!);

        // links: poor households of the township; a non-poor one is refused
        foreach (var h in new[] { a, b })
            await Post($"/api/projects/{project}/benefit-links", new { householdId = h, kind = "Dividend", expectedAnnualBenefit = 800m, linkedOn = "2019-07-01" }, 200, p.Hq);
        Assert.Equal("link-requires-poor-household", (string)Json(await Post($"/api/projects/{project}/benefit-links",
            new { householdId = d, kind = "Employment", expectedAnnualBenefit = 6000m, linkedOn = "2019-07-01" }, 422, p.Hq))["rule"]!);
        Assert.Equal("household-already-linked", (string)Json(await Post($"/api/projects/{project}/benefit-links",
            new { householdId = a, kind = "Employment", expectedAnnualBenefit = 6000m, linkedOn = "2019-07-02" }, 409, p.Hq))["rule"]!);

        // distribution: poor 1 share, exited 0.5; 1,000.01 to the fen; the collective's 500 to the village fund
        var version = await StreamVersion(project);
        Assert.Equal("recipient-not-linked", (string)Json(await Post($"/api/projects/{project}/income-distributions", new
        {
            period = "2019年度", householdTotal = 1_000.01m, collectiveAmount = 500m, distributedOn = "2019-12-20", poorWeight = 1, exitedWeight = 0.5,
            recipients = new[] { new { householdId = a }, new { householdId = c } },
        }, 422, p.Hq))["rule"]!);
        Assert.Equal("shares-do-not-add-up", (string)Json(await Post($"/api/projects/{project}/income-distributions", new
        {
            period = "2019年度", householdTotal = 1_000m, collectiveAmount = 500m, distributedOn = "2019-12-20",
            recipients = new[] { new { householdId = a, amount = 600m }, new { householdId = b, amount = 399.99m } },
        }, 422, p.Hq))["rule"]!);
        Assert.Equal(version, await StreamVersion(project));
        var distributed = Json(await Post($"/api/projects/{project}/income-distributions", new
        {
            period = "2019年度", householdTotal = 1_000.01m, collectiveAmount = 500m, distributedOn = "2019-12-20", poorWeight = 1, exitedWeight = 0.5,
            recipients = new[] { new { householdId = a }, new { householdId = b } },
        }, 200, p.Hq));
        Assert.Equal(1_000.01m, (decimal)distributed["incomeToHouseholds"]!);
        Assert.Equal("household-already-paid-for-period", (string)Json(await Post($"/api/projects/{project}/income-distributions", new
        {
            period = "2019年度", householdTotal = 10m, collectiveAmount = 0m, distributedOn = "2019-12-21", recipients = new[] { new { householdId = a, amount = 10m } },
        }, 409, p.Hq))["rule"]!);

        // the village poverty fund: 500 received; a committee decision pays 200; more than the balance is refused
        var village = (JsonObject)Json(await Get($"/api/villages?township={Uri.EscapeDataString(p.Township)}"))["items"]![0]!;
        var villageId = (string)village["id"]!;
        Assert.Equal(500m, (decimal)village["fundBalance"]!);
        await Post($"/api/villages/{villageId}/fund-payouts", new { amount = 200m, purpose = "PublicWelfareJobs", payee = "村保洁公益岗", decisionRef = "黄坪村两委纪要〔2019〕9号", paidOn = "2019-12-28" }, 200, p.Committee);
        Assert.Equal("village-fund-insufficient", (string)Json(await Post($"/api/villages/{villageId}/fund-payouts",
            new { amount = 300.01m, purpose = "SmallWorks", payee = "修路", decisionRef = "纪要10号", paidOn = "2019-12-28" }, 422, p.Committee))["rule"]!);
        await Post($"/api/villages/{villageId}/fund-payouts", new { amount = 1m, purpose = "SmallWorks", payee = "修路", decisionRef = "纪要10号", paidOn = "2019-12-28" }, 403, p.Hq);
        var fund = Json(await Get($"/api/villages/{villageId}/fund-trail"));
        Assert.Equal(new[] { 500m, 300m }, fund["items"]!.AsArray().Select(l => (decimal)l!["balance"]!));
        Assert.Equal("黄坪村两委纪要〔2019〕9号", (string)fund["items"]![1]!["decisionRef"]!);

        // the trail of each household: its link and its share (poor 666.67, exited 333.34), CSV with BOM
        await Projected();
        var trailA = Json(await Get($"/api/households/{a}/trail"));
        Assert.Equal(666.67m, (decimal)trailA["income"]!);
        Assert.Equal(["LinkStarted", "IncomeShare"], trailA["items"]!.AsArray().Select(l => (string)l!["type"]!));
        Assert.Equal("Poor", (string)trailA["items"]![1]!["statusThen"]!);
        Assert.Equal(333.34m, (decimal)Json(await Get($"/api/households/{b}/trail"))["income"]!);
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Auditor);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var raw = await (await client.GetAsync($"/api/households/{a}/trail")).Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, raw[..3]);
        Assert.Contains("通组公路硬化 黄坪村", Encoding.UTF8.GetString(raw));

        // coverage and households not reached: C (poor, able to work) is not reached; the summary counts it
        var missing = Json(await Get($"/api/households/not-reached?township={Uri.EscapeDataString(p.Township)}", 200, p.Hq));
        Assert.Equal([codeC], missing["items"]!.AsArray().Select(h => (string)h!["code"]!).Where(x => x == codeA || x == codeB || x == codeC));
        var summary = Json(await Get($"/api/villages/{villageId}/benefit-summary", 200, p.Committee));
        Assert.Equal(1_000.01m, (decimal)summary["incomeToHouseholds"]!);
        Assert.Equal(300m, (decimal)summary["fundBalance"]!);
        var coverage = Json(await Get($"/api/projects/{project}/coverage"));
        Assert.Equal(2, (int)coverage["linkedNow"]!);

        // names: in full for the township HQ and auditors, masked for finance; identity numbers masked for all
        var asFinance = Json(await Get($"/api/households/{a}", 200, Finance));
        Assert.Equal("李**", (string)asFinance["headName"]!);
        Assert.True((bool)asFinance["headNameMasked"]!);
        Assert.Equal("李国华", (string)Json(await Get($"/api/households/{a}", 200, p.Hq))["headName"]!);
        Assert.Matches(@"^422822\*{8}\d{3}[\dX]$", (string)asFinance["identityMasked"]!);
        Assert.DoesNotContain("identityHash", asFinance.ToJsonString());

        // the audit check: A found not poor from 1 December (recorded late) — its December payment is flagged
        await Post($"/api/households/{a}/status", new { status = "NotPoor", reason = "回头看：不符合标准", effectiveOn = "2019-12-01" }, 200, p.Hq);
        var check = Json(await Get($"/api/audit/household-payments?township={Uri.EscapeDataString(p.Township)}"));
        var flagged = Assert.Single(check["nonPoorPayments"]!.AsArray());
        Assert.Equal(codeA, (string)flagged!["code"]!);
        Assert.Equal(666.67m, (decimal)flagged["amount"]!);
        Assert.Empty(check["unregisteredPayments"]!.AsArray());
        await Get("/api/audit/household-payments", 403, Finance);
    }

    [Fact]
    public async Task a_loan_from_issue_to_repayment_with_its_interest_subsidy_and_an_overdue_one()
    {
        var p = Projects(UniqueName("高坪镇"), "望坪村");
        await p.RegisterVillage();
        var c = await Household(p, Code(), "张德明", labour: 1);
        var b = await Household(p, Code(), "王秀英");
        var notPoor = await Household(p, Code(), "刘建军", status: "NotPoor");
        var fin = Finance;

        Assert.Equal("loan-above-limit", (string)Json(await Post($"/api/households/{c}/loans", new { bank = "建始农商银行", contractNo = "XD-1", amount = 60_000m, termMonths = 12, purpose = "茶叶", issuedOn = "2019-01-10" }, 422, fin))["rule"]!);
        Assert.Equal("loan-requires-poor-household", (string)Json(await Post($"/api/households/{notPoor}/loans", new { bank = "建始农商银行", contractNo = "XD-2", amount = 30_000m, termMonths = 12, purpose = "茶叶", issuedOn = "2019-01-10" }, 422, fin))["rule"]!);
        await Post($"/api/households/{c}/loans", new { bank = "建始农商银行", contractNo = "XD-3", amount = 30_000m, termMonths = 12, purpose = "茶叶", issuedOn = "2019-01-10" }, 403, p.Hq);
        var issued = Json(await Post($"/api/households/{c}/loans", new { bank = "建始农商银行", contractNo = "XD-3", amount = 30_000m, termMonths = 12, purpose = "发展茶叶种植", issuedOn = "2019-01-10" }, 200, fin));
        var loan = (string)issued["loans"]![0]!["loanId"]!;
        Assert.Equal("2020-01-10", (string)issued["loans"]![0]!["dueOn"]!);

        // 贴息 from a fund source, once per period; micro-credit is no fund kind any more
        var source = await Funds.Source(received: 5_000m, name: "扶贫小额信贷贴息资金", kind: "CountyFiscal");
        var subsidy = new { householdId = c, loanId = loan, period = "2019年度", amount = 1_305m, voucherNo = FundDriver.Voucher(), paidOn = "2019-12-20" };
        var afterSubsidy = Json(await Post($"/api/fund-sources/{source}/interest-subsidies", subsidy, 200, fin));
        Assert.Equal(3_695m, (decimal)afterSubsidy["balance"]!);
        Assert.Equal("subsidy-already-paid", (string)Json(await Post($"/api/fund-sources/{source}/interest-subsidies", subsidy with { voucherNo = FundDriver.Voucher() }, 409, fin))["rule"]!);
        Assert.Equal("micro-credit-is-household-loans", (string)Json(await Post("/api/fund-sources",
            new { name = "小额信贷", kind = "MicroCredit", fiscalYear = 2019, documentRef = "X", registeredOn = "2019-01-05" }, 422, fin))["rule"]!);

        // repaid in part, extended before it falls due, repaid in full
        await Post($"/api/households/{c}/loan-repayments", new { loanId = loan, amount = 10_000m, repaidOn = "2019-10-01" }, 200, fin);
        Assert.Equal("loan-not-due", (string)Json(await Post($"/api/households/{c}/loan-overdue-reports", new { loanId = loan, reportedOn = "2019-12-01" }, 409, fin))["rule"]!);
        await Post($"/api/households/{c}/loan-extensions", new { loanId = loan, newDueOn = "2020-07-10", reason = "受灾减产", extendedOn = "2019-12-20" }, 200, fin);
        Assert.Equal("repayment-exceeds-outstanding", (string)Json(await Post($"/api/households/{c}/loan-repayments", new { loanId = loan, amount = 20_000.01m, repaidOn = "2020-01-14" }, 422, fin))["rule"]!);
        var repaid = Json(await Post($"/api/households/{c}/loan-repayments", new { loanId = loan, amount = 20_000m, repaidOn = "2020-01-14" }, 200, fin));
        Assert.Equal("Repaid", (string)repaid["loans"]![0]!["status"]!);
        Assert.Equal("loan-repaid", (string)Json(await Post($"/api/households/{c}/loan-repayments", new { loanId = loan, amount = 1m, repaidOn = "2020-01-14" }, 409, fin))["rule"]!);

        // an overdue loan: no new loan until it is settled
        var old = (string)Json(await Post($"/api/households/{b}/loans", new { bank = "邮储银行", contractNo = "XD-4", amount = 20_000m, termMonths = 12, purpose = "养猪", issuedOn = "2018-06-01" }, 200, fin))["loans"]![0]!["loanId"]!;
        var overdue = Json(await Post($"/api/households/{b}/loan-overdue-reports", new { loanId = old, reportedOn = "2019-07-01" }, 200, fin));
        Assert.Equal("Overdue", (string)overdue["loans"]![0]!["status"]!);
        Assert.Equal("household-has-overdue-loan", (string)Json(await Post($"/api/households/{b}/loans", new { bank = "邮储银行", contractNo = "XD-5", amount = 10_000m, termMonths = 12, purpose = "养猪", issuedOn = "2019-08-01" }, 409, fin))["rule"]!);

        await Projected();
        var trail = Json(await Get($"/api/households/{c}/trail"));
        Assert.Equal(["LoanIssued", "InterestSubsidy", "LoanRepaid", "LoanExtended", "LoanRepaid"], trail["items"]!.AsArray().Select(l => (string)l!["type"]!));
        Assert.Equal(0m, (decimal)trail["outstanding"]!);
        Assert.Equal(1_305m, (decimal)trail["subsidies"]!);

        // the subsidy is in the source's money trail, and every total still reconciles
        var sourceTrail = Json(await Get($"/api/fund-sources/{source}/trail"));
        var line = sourceTrail["items"]!.AsArray().Single(l => (string)l!["type"]! == "InterestSubsidy");
        Assert.Equal(1_305m, (decimal)line!["amount"]!);
        Assert.Null(line["projectId"]);
        Assert.True((await global::Funds.Api.Admin.Reconciliation.RunAsync(App.Store, FundsApp.County, default)).Consistent);
    }

    [Fact]
    public async Task household_commands_and_reads_keep_to_role_and_reach()
    {
        var p = Projects(UniqueName("景阳镇"), "黄坪村");
        await p.RegisterVillage();
        var body = new { code = Code(), township = p.Township, village = p.Village, headName = "谭光荣", identityNumber = Identity(Random.Shared.Next(1_000_000)),
            size = 2, labourMembers = 1, status = "Poor", effectiveOn = "2015-03-01" };
        await Post("/api/households", body, 401, null);
        await Post("/api/households", body, 403, Finance);
        await Post("/api/households", body, 403, p.Committee);
        Assert.Equal("outside-scope", (string)Json(await Post("/api/households", body, 403, App.Token(Roles.TownshipHq, "高坪镇")))["rule"]!);
        var key = Guid.NewGuid().ToString();
        var id = (string)Json(await Post("/api/households", body, 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)))["id"]!;
        Assert.Equal(id, (string)Json(await Post("/api/households", body, 201, p.Hq, s => s.WithRequestHeader("Idempotency-Key", key)))["id"]!);
        // the stored answer holds no identity number, and the request's fingerprint is keyed (not a plain hash a number could be tried against)
        await using (var session = App.Store.QuerySession(FundsApp.County))
        {
            var stored = Assert.Single(await session.Query<global::Funds.Api.Pipeline.IdempotentResponse>().Where(r => r.Id.EndsWith("|" + key)).ToListAsync());
            Assert.DoesNotContain(body.identityNumber, stored.Body);
            var plain = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
                new global::Funds.Domain.Households.RegisterHousehold(body.code, body.township, body.village, body.headName, body.identityNumber, body.size,
                    body.labourMembers, global::Funds.Domain.Households.HouseholdStatus.Poor, new DateOnly(2015, 3, 1)))));
            Assert.NotEqual(plain, stored.RequestHash);
        }
        await Post($"/api/households/{id}/status", new { status = "ExitedMonitored", reason = "脱贫", effectiveOn = "2019-12-01" }, 403, App.Token(Roles.TownshipHq, "高坪镇"));

        await Get($"/api/households/{id}", 200, App.Token(Roles.VillageCouncil, Roles.VillageScope(p.Township, p.Village)));
        await Get($"/api/households/{id}", 404, App.Token(Roles.VillageCouncil, Roles.VillageScope(p.Township, "望坪村")));
        await Get($"/api/households/{id}", 404, App.Token(Roles.TownshipHq, "高坪镇"));
        await Get($"/api/households/{id}", 403, App.Token(Roles.Admin));
        Assert.Equal(0, (int)Json(await Get($"/api/households?township={Uri.EscapeDataString(p.Township)}", 200, App.Token(Roles.TownshipHq, "高坪镇")))["total"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/households?township={Uri.EscapeDataString(p.Township)}", 200, Finance))["total"]!);

        // the village fund is paid out by its own committee only; the register is changed by an admin only
        var villageId = (string)Json(await Get($"/api/villages?township={Uri.EscapeDataString(p.Township)}", 200, p.Hq))["items"]![0]!["id"]!;
        var payout = new { amount = 1m, purpose = "SmallWorks", payee = "修路", decisionRef = "纪要1号", paidOn = "2019-12-28" };
        Assert.Equal("outside-scope", (string)Json(await Post($"/api/villages/{villageId}/fund-payouts", payout, 403,
            App.Token(Roles.VillageCommittee, Roles.VillageScope(p.Township, "望坪村"))))["rule"]!);
        Assert.Equal("village-fund-insufficient", (string)Json(await Post($"/api/villages/{villageId}/fund-payouts", payout, 422, p.Committee))["rule"]!);
        await Post($"/api/villages/{villageId}/status", new { status = "Exited", exitYear = 2019, reason = "出列", changedOn = "2019-12-01" }, 403, p.Hq);
        await Get($"/api/audit/household-payments", 403, p.Hq);
    }
}
