using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Funds.Api.Security;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Funds.IntegrationTests;

/// <summary>Per-caller limits (issue 16), against a deployment configured with small ones (<see cref="LimitedApp.Limits"/>).</summary>
public class LimitTests(LimitedApp app) : IClassFixture<LimitedApp>
{
    private HttpClient Client(string token)
    {
        var client = app.Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<JsonObject> Problem(HttpResponseMessage response, int status)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(status, (int)problem["status"]!);
        Assert.NotNull(problem["title"]);
        return problem;
    }

    [Fact]
    public async Task a_caller_over_its_rate_gets_429_with_retry_after_and_other_callers_do_not()
    {
        var client = Client(app.Token(Roles.Auditor));
        var codes = new List<int>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 25 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/projects?pageSize=1");
            codes.Add((int)response.StatusCode);
            if ((int)response.StatusCode == 429) refused = response;
        }
        Assert.NotNull(refused);
        Assert.True(codes.Count(c => c == 200) >= 19, string.Join(",", codes));
        Assert.Equal("rate-limited", (string)(await Problem(refused, 429))["rule"]!);
        Assert.True(int.Parse(refused.Headers.RetryAfter!.ToString()) >= 1);

        Assert.Equal(200, (int)(await Client(app.Token(Roles.Auditor)).GetAsync("/api/projects?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task expensive_reads_over_the_county_have_a_tighter_limit_of_their_own()
    {
        var client = Client(app.Token(Roles.Auditor));
        var codes = new List<int>();
        for (var i = 0; i < 5; i++) codes.Add((int)(await client.GetAsync("/api/deadlines/summary?asOf=2019-07-01")).StatusCode);
        Assert.Equal([200, 200, 200, 429, 429], codes);
        var refused = await client.GetAsync("/api/reports/slow-money?asOf=2019-07-01");
        Assert.Equal("rate-limited", (string)(await Problem(refused, 429))["rule"]!);
        Assert.NotNull(refused.Headers.RetryAfter);
        // The same caller's ordinary reads go on.
        Assert.Equal(200, (int)(await client.GetAsync("/api/projects?pageSize=1")).StatusCode);
    }

    [Fact]
    public void concurrent_requests_of_one_caller_are_capped_per_caller()
    {
        var limiter = app.Host.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        HttpContext Request(string subject)
        {
            var http = new DefaultHttpContext();
            http.Request.Path = "/api/projects";
            http.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(FundsClaims.Subject, subject), new Claim(FundsClaims.County, FundsApp.County)], "test"));
            return http;
        }
        var one = "concurrency-" + Guid.NewGuid().ToString("N")[..8];
        using var first = limiter.AttemptAcquire(Request(one));
        using var second = limiter.AttemptAcquire(Request(one));
        using var third = limiter.AttemptAcquire(Request(one));
        using var other = limiter.AttemptAcquire(Request("someone-else-" + one));
        Assert.True(first.IsAcquired && second.IsAcquired);
        Assert.False(third.IsAcquired);
        Assert.True(other.IsAcquired);
        first.Dispose();
        using var again = limiter.AttemptAcquire(Request(one));
        Assert.True(again.IsAcquired);
    }

    [Fact]
    public async Task a_csv_export_beyond_its_row_cap_is_refused_and_within_it_says_how_many_rows()
    {
        var township = "官店镇-" + Guid.NewGuid().ToString("N")[..8];
        for (var i = 0; i < 4; i++)
        {
            var raised = await Client(app.Token(Roles.Auditor)).PostAsync("/api/findings", new StringContent(
                $$"""{"source":"Audit","description":"资料不全 {{i}}","township":"{{township}}","village":"黄坪村","deadline":"2099-12-31"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(201, (int)raised.StatusCode);
        }
        var client = Client(app.Token(Roles.Auditor));
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var url = "/api/findings?township=" + Uri.EscapeDataString(township);
        var refused = await client.GetAsync(url);
        Assert.Equal("export-too-large", (string)(await Problem(refused, 422))["rule"]!);

        var json = await Client(app.Token(Roles.Auditor)).GetAsync(url);
        Assert.Equal(4, (int)JsonNode.Parse(await json.Content.ReadAsStringAsync())!["total"]!);

        var small = await client.GetAsync(url + "&status=Closed");
        Assert.Equal(200, (int)small.StatusCode);
        Assert.Equal("0", small.Headers.GetValues(Funds.Api.Http.Csv.RowsHeader).Single());
        var bytes = await small.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
    }
}
