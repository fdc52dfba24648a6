using Alba;
using Funds.Api.Pipeline;
using Funds.IntegrationTests.Infrastructure;
using Marten;

namespace Funds.IntegrationTests;

/// <summary>County policy LateEntryDays (off in Development, 30 elsewhere unless configured): a step dated long ago
/// needs <c>lateEntryReason</c>, which is kept in the event's headers.</summary>
public class LateEntryTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_step_dated_long_before_it_is_recorded_needs_a_reason_which_the_event_keeps()
    {
        await using var host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", App.ConnectionString);
            b.UseSetting("Funds:Policy:LateEntryDays", "30");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
        });
        var township = UniqueName("官店镇");
        var hq = App.Token(Domain.Access.Roles.TownshipHq, township);
        await App.RegisterVillage(township, "黄坪村");
        var registration = new { kind = "Infrastructure", category = "road", name = "补录公路", township, village = "黄坪村", planYear = 2019, registeredOn = "2019-01-10" };

        var refused = await host.Scenario(s =>
        {
            s.Post.Json(registration).ToUrl("/api/projects");
            s.WithRequestHeader("Authorization", "Bearer " + hq);
            s.StatusCodeShouldBe(422);
        });
        Assert.Contains("\"late-entry-needs-reason\"", refused.ReadAsText());
        Assert.Equal(0, await RegistrationsIn(township));

        var taken = await host.Scenario(s =>
        {
            s.Post.Json(new { registration.kind, registration.category, registration.name, township, registration.village, registration.planYear, registration.registeredOn, lateEntryReason = "2019年纸质台账补录" }).ToUrl("/api/projects");
            s.WithRequestHeader("Authorization", "Bearer " + hq);
            s.StatusCodeShouldBe(201);
        });
        var id = Guid.Parse((string)Json(taken)["id"]!);
        await using var session = App.Store.QuerySession(FundsApp.County);
        var stored = Assert.Single(await session.Events.FetchStreamAsync(id));
        Assert.Equal("2019年纸质台账补录", stored.Headers![CommandSteps.LateEntryHeader]!.ToString());
    }
}
