using System.Text.Json.Nodes;
using Alba;
using Funds.Api.Deadlines;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Funds.IntegrationTests;

/// <summary>Moves the shared clock, so it runs alone.</summary>
[Collection(nameof(Serial))]
public class DeadlineBoardTests(FundsApp app) : IntegrationTest(app)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private void At(string day) => App.Clock.Set(new DateTimeOffset(DateOnly.Parse(day).ToDateTime(new TimeOnly(10, 0)), China));
    private void Today() => App.Clock.Set(new DateTimeOffset(2020, 1, 15, 10, 0, 0, China));

    private async Task<Guid> StartedIn2018(ProjectDriver p)
    {
        At("2018-11-01");
        var id = await p.Register(p.Registration(planYear: 2018, registeredOn: "2018-03-01"));
        await p.Approve(id, on: "2018-04-01");
        await Post($"/api/projects/{id}/builder", ProjectDriver.Builder(on: "2018-05-01"), 200, p.Hq);
        await p.Start(id, on: "2018-10-01");
        return id;
    }

    [Fact]
    public async Task a_late_report_is_on_time_as_of_the_date_but_missed_as_known_then()
    {
        try
        {
            var p = Projects(UniqueName("官店镇"));
            var id = await StartedIn2018(p);
            At("2019-07-05");
            await p.Complete(id, on: "2019-06-28");

            var asOf = Json(await Get($"/api/deadlines?asOf=2019-07-01&township={Uri.EscapeDataString(p.Township)}"))["items"]!.AsArray().Single()!;
            Assert.Equal(("MetOnTime", "2019-continuing-completion", "2019-06-28"), ((string)asOf["status"]!, (string)asOf["ruleId"]!, (string)asOf["metOn"]!));

            var knownAt = Json(await Get($"/api/deadlines?knownAt={Uri.EscapeDataString("2019-07-01T23:59:59+08:00")}&township={Uri.EscapeDataString(p.Township)}"));
            Assert.Equal("2019-07-01", (string)knownAt["asOf"]!);
            var then = knownAt["items"]!.AsArray().Single()!;
            Assert.Equal(("Missed", 1), ((string)then["status"]!, (int)then["daysOverdue"]!));

            var board = Json(await Get($"/api/deadlines?asOf=2019-04-01&township={Uri.EscapeDataString(p.Township)}&status=OnTrack"));
            Assert.Equal(1, (int)board["total"]!);
            var perProject = JsonNode.Parse((await Get($"/api/projects/{id}/deadlines?asOf=2019-06-15")).ReadAsText())!.AsArray().Single()!;
            Assert.Equal(("AtRisk", 15), ((string)perProject["status"]!, (int)perProject["daysLeft"]!));
            Assert.Contains("6月30日", (string)perProject["rule"]!);
        }
        finally
        {
            Today();
        }
    }

    [Fact]
    public async Task summary_counts_by_township_and_status_and_exports_csv()
    {
        try
        {
            var p = Projects(UniqueName("高坪镇"));
            var late = await StartedIn2018(p);
            var onTime = await StartedIn2018(p);
            await StartedIn2018(p);
            At("2019-08-01");
            await p.Complete(onTime, on: "2019-06-30");
            await p.Complete(late, on: "2019-07-20");
            Today();

            var summary = Json(await Get("/api/deadlines/summary?asOf=2019-10-01"));
            var row = summary["byTownship"]!.AsArray().Single(r => (string)r!["township"]! == p.Township)!;
            Assert.Equal((1, 1, 1, 3), ((int)row["metOnTime"]!, (int)row["metLate"]!, (int)row["missed"]!, (int)row["total"]!));

            var client = Host.Server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", App.Token("supervisor"));
            client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
            var csv = await client.GetStringAsync("/api/deadlines/summary?asOf=2019-10-01");
            Assert.Contains($"{p.Township},0,0,0,1,1,1,3", csv);
            var board = await client.GetStringAsync($"/api/deadlines?asOf=2019-10-01&township={Uri.EscapeDataString(p.Township)}");
            Assert.Contains("Missed", board.Split("\r\n")[1]); // most overdue first
        }
        finally
        {
            Today();
        }
    }

    [Fact]
    public async Task a_missed_deadline_is_escalated_exactly_once_even_across_a_restart()
    {
        try
        {
            var p = Projects(UniqueName("景阳镇"));
            At("2019-03-10");
            var id = await p.RegisteredAndApproved();
            await p.SelectBuilder(id);
            await p.Start(id, on: "2019-03-01");

            At("2019-09-30");
            var escalation = Host.Services.GetRequiredService<DeadlineEscalation>();
            await escalation.RunOnceAsync(default);
            Assert.Equal(0, await MissedEvents(id));

            At("2019-10-01");
            await escalation.RunOnceAsync(default);
            Assert.Equal(1, await MissedEvents(id));
            await escalation.RunOnceAsync(default);
            await Task.WhenAll(escalation.RunOnceAsync(default), escalation.RunOnceAsync(default));
            Assert.Equal(1, await MissedEvents(id));

            // A second process started on the same database (as after a crash) does not escalate it again.
            await using (var restarted = await AlbaHost.For<Program>(b =>
            {
                b.UseSetting("ConnectionStrings:Funds", App.ConnectionString);
                b.UseSetting("Funds:Projections:Daemon", "Disabled");
                b.UseSetting("Funds:Deadlines:Escalate", "false");
                b.ConfigureServices(s => { s.RemoveAll<TimeProvider>(); s.AddSingleton<TimeProvider>(App.Clock); });
            }))
            {
                await restarted.Services.GetRequiredService<DeadlineEscalation>().RunOnceAsync(default);
            }
            Assert.Equal(1, await MissedEvents(id));

            At("2019-10-12");
            await p.Complete(id, on: "2019-10-10");
            var states = JsonNode.Parse((await Get($"/api/projects/{id}/deadlines?asOf=2019-10-12")).ReadAsText())!.AsArray();
            var start = states.Single(s => (string)s!["ruleId"]! == "2019-new-start")!;
            var completion = states.Single(s => (string)s!["ruleId"]! == "2019-new-completion")!;
            Assert.Equal("MetOnTime", (string)start["status"]!);
            Assert.Equal(("MetLate", 10, true), ((string)completion["status"]!, (int)completion["daysLate"]!, (bool)completion["escalated"]!));
        }
        finally
        {
            Today();
        }
    }

    private async Task<int> MissedEvents(Guid id)
    {
        await using var session = App.Store.QuerySession(FundsApp.County);
        return (await session.Events.FetchStreamAsync(id)).Count(e => e.Data is DeadlineMissed);
    }
}
