using Funds.Api.Public;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>村务公开: what a village's projects are, cost and have been paid, for anyone, without staff identities.</summary>
public class PublicViewTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task anyone_reads_a_village_s_projects_without_a_token_and_without_staff_identities()
    {
        var p = Projects(UniqueName("官店镇"));
        var (project, source) = await Funds.FundedProject(p);
        await Funds.Disburse(project, source, 12_345.67m);
        await Projects(p.Township, "青里坝村").RegisteredAndApproved();

        var url = $"/api/public/counties/{FundsApp.County}/villages/{Uri.EscapeDataString(p.Township)}/{Uri.EscapeDataString(p.Village)}/projects";
        var answer = await Get(url, 200, token: null);
        var notice = Read<VillageNotice>(answer);
        var shown = Assert.Single(notice.Projects);
        Assert.Equal((p.Village, 12_345.67m, 900_000m, "恩施州路桥建设有限公司"), (notice.Village, shown.Disbursed, shown.ContractAmount!.Value, shown.Builder!));
        var body = answer.ReadAsText();
        foreach (var secret in new[] { "caiwu-li", "recordedBy", "subject", "voucher", project.ToString(), source.ToString() })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);

        await Get($"/api/public/counties/110101/villages/x/y/projects", 404, token: null);
    }

    [Fact]
    public async Task a_deployment_can_switch_the_public_view_off()
    {
        await using var host = await Alba.AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", App.ConnectionString);
            b.UseSetting("Funds:PublicView:Enabled", "false");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
        });
        await host.Scenario(s =>
        {
            s.Get.Url($"/api/public/counties/{FundsApp.County}/villages/a/b/projects");
            s.StatusCodeShouldBe(404);
        });
    }
}
