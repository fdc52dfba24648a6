using Funds.Api.Projects;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class ScreeningTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_project_is_screened_and_assessed_before_the_approval_which_records_its_planned_funding()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.Register();
        string Rule(Alba.IScenarioResult r) => (string)Json(r)["rule"]!;

        Assert.Equal("approval-requires-screening", Rule(await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(), 409, p.Finance)));
        Assert.Equal("assessment-requires-screening", Rule(await Post($"/api/projects/{id}/assessment", ProjectDriver.Assessment(), 409, p.Hq)));
        await Post($"/api/projects/{id}/screening", ProjectDriver.Screening(included: false, on: "2019-01-15"), 200, p.Hq);
        Assert.Equal("screened-out", Rule(await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(), 409, p.Finance)));
        await Post($"/api/projects/{id}/screening", ProjectDriver.Screening(on: "2019-01-20"), 200, p.Hq);
        Assert.Equal("approval-requires-assessment", Rule(await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(), 409, p.Finance)));
        await Post($"/api/projects/{id}/assessment", ProjectDriver.Assessment(on: "2019-01-25", feasible: false), 200, p.Hq);
        Assert.Equal("assessed-not-feasible", Rule(await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(), 409, p.Finance)));
        await Post($"/api/projects/{id}/assessment", ProjectDriver.Assessment(900_000m, on: "2019-01-28"), 200, p.Hq);
        var before = await StreamVersion(id);

        // The default county policy: the finance bureau approves; the township HQ may not.
        Assert.Equal("approver-not-in-policy", Rule(await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(), 403, p.Hq)));
        Assert.Equal("outside-scope", Rule(await Post($"/api/projects/{id}/screening", ProjectDriver.Screening(), 403, App.Token(Roles.TownshipHq, "高坪镇"))));
        Assert.Equal(before, await StreamVersion(id));

        await Post($"/api/projects/{id}/approval", ProjectDriver.Approval(900_000m), 200, p.Finance);
        var project = await Get<ProjectDetails>($"/api/projects/{id}");
        Assert.Equal((true, 46, "技术可行，带贫效果明显"), (project.Screening!.Included, project.Assessment!.HouseholdsReached, project.Assessment.Conclusion));
        Assert.Equal(900_000m, project.Approval!.PlannedFunding!.Single().Amount);
        Assert.Equal("screening-closed", Rule(await Post($"/api/projects/{id}/screening", ProjectDriver.Screening(), 409, p.Hq)));
    }
}
