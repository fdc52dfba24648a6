using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Funds.IntegrationTests;

/// <summary>Reads are scoped like writes: a village committee reads its own village, a township HQ its own
/// township. Every GET route found in the running app is walked: outside one's reach a single record is 404
/// (or the role may not read that kind of record at all: 403), and a list never shows it.</summary>
public class ReadScopeTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task every_read_route_shows_township_and_village_roles_only_what_lies_within_their_reach()
    {
        var township = UniqueName("官店镇");
        var p = Projects(township);
        var (project, source) = await Funds.FundedProject(p);
        await Funds.Disburse(project, source, 10_000m);
        var finding = (string)Json(await Post("/api/findings", new
        {
            source = "Audit", description = "项目资金拨付滞后", projectId = project, deadline = "2019-11-30", raisedOn = "2019-10-08",
        }, 201, Auditor))["id"]!;
        await Projected();

        var outsiders = new Dictionary<string, string>
        {
            ["the committee of another village of the township"] = App.Token(Roles.VillageCommittee, Roles.VillageScope(township, "青里坝村")),
            ["the committee of a same-named village elsewhere"] = App.Token(Roles.VillageCommittee, Roles.VillageScope(UniqueName("高坪镇"), p.Village)),
            ["the HQ of another township"] = App.Token(Roles.TownshipHq, UniqueName("高坪镇")),
        };
        var client = Host.Server.CreateClient();
        var routes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/") == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText!)
            .ToList();

        var seenByInsiders = 0;
        foreach (var route in routes)
        {
            var id = route.StartsWith("/api/findings/") ? finding : route.StartsWith("/api/fund-sources/") ? source.ToString() : project.ToString();
            var url = route.Replace("{id}", id).Replace("{creditCode}", ProjectDriver.BuilderCode) + "?asOf=2019-07-01&pageSize=500";
            async Task<(int Status, string Body)> Read(string token)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Authorization = new("Bearer", token);
                var response = await client.SendAsync(request);
                return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
            }

            foreach (var insider in new[] { p.Committee, p.Hq })
            {
                var (status, body) = await Read(insider);
                if (status == 200 && body.Contains(project.ToString())) seenByInsiders++;
            }
            foreach (var (who, token) in outsiders)
            {
                var (status, body) = await Read(token);
                Assert.True(status is 403 or 404 or 200, $"GET {url} as {who}: {status} {body}");
                if (status == 200)
                    Assert.False(body.Contains(project.ToString()) || body.Contains(finding) || body.Contains(township),
                        $"GET {url} as {who} shows the project, its finding or its township: {body}");
            }
        }
        // The project, its trail, its deadlines, the project list, the deadline board and the findings: each seen
        // by both the village committee and the township HQ it belongs to.
        Assert.True(seenByInsiders >= 10, $"insiders saw the project on only {seenByInsiders} reads");
    }
}
