using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class FundReportTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task slow_money_shows_days_from_sign_off_to_final_payment_and_idle_allocations()
    {
        var p = Projects(UniqueName("茅田乡"));
        var slow = await p.Completed();
        await p.SignOff(slow, on: "2019-06-25");
        var fast = await p.Completed();
        await p.SignOff(fast, on: "2019-06-25");
        var source = await Funds.Source(received: 3_000_000m);
        await Funds.Allocate(source, slow, 900_000m);
        await Funds.Allocate(source, fast, 900_000m);
        await Funds.Disburse(fast, source, 880_000m, kind: "Final", on: "2019-07-05");
        var idleProject = await p.RegisteredAndApproved();
        await Funds.Allocate(source, idleProject, 200_000m, on: "2019-02-10");

        var report = Json(await Get($"/api/reports/slow-money?asOf=2019-09-01&township={Uri.EscapeDataString(p.Township)}&idleDays=90"));
        var signed = report["signOffToPayment"]!.AsArray();
        Assert.Equal(2, signed.Count);
        Assert.Equal(slow.ToString(), (string)signed[0]!["projectId"]!);
        Assert.Equal(68, (int)signed[0]!["days"]!);   // 2019-06-25 → 2019-09-01, still unpaid
        Assert.False((bool)signed[0]!["paid"]!);
        Assert.Equal(10, (int)signed[1]!["days"]!);   // paid 2019-07-05
        var idle = report["idleAllocations"]!.AsArray().Where(x => (string)x!["projectId"]! == idleProject.ToString()).Single()!;
        Assert.Equal(203, (int)idle["idleDays"]!);
        Assert.Equal(200_000m, (decimal)idle["idle"]!);
    }

    [Fact]
    public async Task fund_sources_are_listed_with_balances_and_filtered()
    {
        var name = UniqueName("社会帮扶资金");
        await Funds.Source(received: 123_456.78m, name: name, kind: "Social");
        var list = Json(await Get("/api/fund-sources?kind=Social&fiscalYear=2019&pageSize=500"));
        var found = list["items"]!.AsArray().Single(x => (string)x!["name"]! == name)!;
        Assert.Equal(123_456.78m, (decimal)found["unallocated"]!);
        await Get("/api/fund-sources?kind=Nope", 400);
        await Get($"/api/fund-sources/{Guid.NewGuid()}", 404);
        await Get($"/api/fund-sources/{Guid.NewGuid()}/trail", 404);
        await Get("/api/payees/not-a-code/trail", 400);
        await Get("/api/reports/funds?groupBy=planet", 400);
    }

    [Fact]
    public async Task reconciliation_is_an_admin_operation_and_agrees_to_the_fen()
    {
        var p = Projects(UniqueName("龙坪乡"));
        var (project, source) = await Funds.FundedProject(p, received: 10_000.01m);
        await Funds.Disburse(project, source, 0.01m);

        await Post("/api/admin/reconciliation", new { }, 403, Finance);
        var result = Json(await Post("/api/admin/reconciliation", new { }, 200, App.Token(Roles.Admin)));
        Assert.True((bool)result["consistent"]!, result.ToJsonString());
        Assert.True((long)result["eventsRead"]! > 0);
    }
}
