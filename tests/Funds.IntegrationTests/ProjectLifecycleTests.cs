using Funds.Api.Projects;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

public class ProjectLifecycleTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task register_approve_and_get_round_trip_through_postgres()
    {
        var p = Projects(UniqueName("官店镇"));
        await p.RegisterVillage();
        var created = await Post("/api/projects", p.Registration(), 201, p.Hq);
        var id = Guid.Parse((string)Json(created)["id"]!);
        Assert.Equal($"/api/projects/{id}", created.Context.Response.Headers.Location.ToString());
        Assert.Equal("\"1\"", created.Context.Response.Headers.ETag.ToString());

        await p.Approve(id, budget: 1_234_567.89m);

        var got = await Get($"/api/projects/{id}");
        var project = Read<ProjectDetails>(got);
        // registered, screened, assessed, approved
        Assert.Equal("\"4\"", got.Context.Response.Headers.ETag.ToString());
        Assert.Equal((ProjectStatus.Approved, p.Township, "通组公路硬化 黄坪村", 4), (project.Status, project.Township, project.Name, project.Version));
        Assert.Equal((1_234_567.89m, "建扶发〔2019〕12号"), (project.Approval!.Budget, project.Approval.DocumentNo));
        Assert.Equal((true, 46), (project.Screening!.Included, project.Assessment!.HouseholdsReached));
        Assert.Equal([new PlannedFunding(global::Funds.Domain.Common.FundSourceKind.SpecialPovertyFund, 1_234_567.89m)], project.Approval.PlannedFunding);
        Assert.Equal(4, await StreamVersion(id));
    }

    [Fact]
    public async Task the_actor_comes_from_the_token_not_the_body()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.Register();
        await p.ScreenAndAssess(id, 10m);
        await Post($"/api/projects/{id}/approval",
            new { approvalDocumentNo = "建扶发〔2019〕1号", approvedBudget = 10m, approvedBy = "县领导小组", approvedOn = "2019-02-01", by = new { subject = "forged" } },
            200, App.Token("finance", subject: "caiwu-zhang"));
        var project = Json(await Get($"/api/projects/{id}"));
        Assert.Equal("township-hq", (string)project["registeredBy"]!["role"]!);
        Assert.Equal(p.Township, (string)project["registeredBy"]!["scope"]!);
        Assert.Equal("caiwu-zhang", (string)project["approval"]!["recordedBy"]!["subject"]!);
        Assert.Equal("finance", (string)project["approval"]!["recordedBy"]!["role"]!);

        await using var session = App.Store.QuerySession(FundsApp.County);
        var events = await session.Events.FetchStreamAsync(id);
        var approved = Assert.IsType<Funds.Domain.Projects.ProjectApproved>(events[3].Data);
        Assert.Equal(new Funds.Domain.Common.Actor("caiwu-zhang", "finance"), approved.By);
        Assert.Equal(App.Clock.GetUtcNow(), approved.RecordedAt);
    }

    [Fact]
    public async Task infrastructure_project_lives_through_refusal_rectification_sign_off_and_settlement()
    {
        var p = Projects(UniqueName("高坪镇"));
        var id = await p.Completed();
        await Post($"/api/projects/{id}/acceptance-refusal",
            new { reasons = "路面厚度不足,排水沟未完成", signatories = new[] { "李国华" }, refusedOn = "2019-06-22" }, 200, p.Committee);
        Assert.Equal("Rectifying", (string)Json(await Get($"/api/projects/{id}"))["status"]!);

        await p.Complete(id, on: "2019-06-27");
        await p.SignOff(id, on: "2019-06-28");
        await p.Settle(id, amount: 899_999.99m, on: "2019-07-15");

        var project = await Get<ProjectDetails>($"/api/projects/{id}");
        Assert.Equal((ProjectStatus.Settled, 899_999.99m), (project.Status, project.Settlement!.SettledAmount));
        Assert.Equal((new DateOnly(2019, 6, 20), new DateOnly(2019, 6, 27)), (project.FirstCompletedOn, project.CompletedOn));
        Assert.Equal("village-committee", project.Acceptance!.RecordedBy.Role);
        Assert.Single(project.Refusals);
        Assert.Equal(11, await StreamVersion(id));
    }

    [Fact]
    public async Task industry_project_is_built_then_operated()
    {
        var p = Projects(UniqueName("业州镇"));
        var id = await p.Register(p.Registration(kind: "Industry", category: "cooperative"));
        await p.Approve(id, budget: 300_000m);
        await Post($"/api/projects/{id}/builder", new
        {
            builderName = "建始县黄坪村种养专业合作社", creditCode = ProjectDriver.BuilderCode, method = "CollectiveDecision",
            reference = "官店镇前指纪要〔2019〕7号", contractAmount = 280_000m, selectedOn = "2019-02-20",
        }, 200, p.Hq);
        await p.Start(id);
        await p.Complete(id);
        await p.SignOff(id);
        await Post($"/api/projects/{id}/operating-entity", new { name = "建始县黄坪村种养专业合作社", creditCode = ProjectDriver.BuilderCode, assignedOn = "2019-06-26" }, 200, p.Hq);
        await p.Settle(id, amount: 275_000m);
        await Post($"/api/projects/{id}/income-distributions",
            new { period = "2019", householdTotal = 0m, collectiveAmount = 12_000.50m, recipients = Array.Empty<object>(), distributedOn = "2019-12-20" }, 200, p.Hq);
        await Post($"/api/projects/{id}/reviews", new { outcome = "Weak", measure = "更换经营主体,注入资金5万元", reviewedOn = "2019-12-28" }, 200, p.Hq);

        var project = Json(await Get($"/api/projects/{id}"));
        Assert.Equal("Settled", (string)project["status"]!);
        Assert.Equal(0m, (decimal)project["incomeToHouseholds"]!);
        Assert.Equal(12_000.50m, (decimal)project["incomeToCollective"]!);
        Assert.Equal("Weak", (string)project["lastReview"]!["outcome"]!);
        Assert.Equal(12, await StreamVersion(id));
    }

    [Fact]
    public async Task builder_change_is_its_own_event_with_reason()
    {
        var p = Projects(UniqueName("花坪镇"));
        var id = await p.RegisteredAndApproved();
        await p.SelectBuilder(id);
        await Post($"/api/projects/{id}/builder-change", new
        {
            builderName = "湖北兴建工程有限公司", creditCode = ProjectDriver.OtherBuilderCode, method = "PublicTender",
            reference = "JSZB-2019-044", contractAmount = 950_000m, reason = "原施工单位资质被吊销", changedOn = "2019-02-25",
        }, 200, p.Hq);
        var project = Json(await Get($"/api/projects/{id}"));
        Assert.Equal(ProjectDriver.OtherBuilderCode, (string)project["builder"]!["builder"]!["creditCode"]!);
        Assert.Single(project["formerBuilders"]!.AsArray());
        Assert.Equal("BuilderChosen", (string)project["status"]!);
    }

    [Fact]
    public async Task cancellation_ends_the_project()
    {
        var p = Projects(UniqueName("三里乡"));
        var id = await p.RegisteredAndApproved();
        await Post($"/api/projects/{id}/cancellation", new { reason = "村民搬迁,项目不再需要", cancelledOn = "2019-03-01" }, 200, p.Hq);
        var before = await StreamVersion(id);
        var rejected = Json(await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(1m, on: "2019-03-02"), 409, p.Hq));
        Assert.Equal("project-cancelled", (string)rejected["rule"]!);
        Assert.Equal(before, await StreamVersion(id));
    }

    [Fact]
    public async Task list_filters_by_township_village_kind_category_status_and_year_and_pages()
    {
        var township = UniqueName("龙坪乡");
        var p = Projects(township, "甲村");
        var a = await p.Register();
        var b = await p.Register(p.Registration(kind: "Industry", category: "workshop", planYear: 2018, registeredOn: "2018-05-01", inVillage: "乙村"));
        await p.Register(p.Registration(category: "drinking-water", inVillage: "乙村"));
        await p.Approve(a);

        Assert.Equal(3, (int)Json(await Get($"/api/projects?township={township}"))["total"]!);
        Assert.Equal(2, (int)Json(await Get($"/api/projects?township={township}&village=乙村"))["total"]!);
        Assert.Equal(b.ToString(), (string)Json(await Get($"/api/projects?township={township}&kind=Industry"))["items"]![0]!["id"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/projects?township={township}&category=drinking-water"))["total"]!);
        Assert.Equal(a.ToString(), (string)Json(await Get($"/api/projects?township={township}&status=Approved"))["items"]![0]!["id"]!);
        Assert.Equal(1, (int)Json(await Get($"/api/projects?township={township}&planYear=2018"))["total"]!);

        var page2 = Json(await Get($"/api/projects?township={township}&page=2&pageSize=2"));
        Assert.Single(page2["items"]!.AsArray());
        Assert.Equal(3, (int)page2["total"]!);

        await Get("/api/projects?pageSize=1000", 400);
        await Get("/api/projects?status=Nonsense", 400);
    }
}
