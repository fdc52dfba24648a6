using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Shrunk failing cases the schema fuzzer (<see cref="SchemaFuzzTests"/>) found, kept as named tests.</summary>
public class FuzzRegressionTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_rejection_asking_for_csv_is_still_a_problem_with_a_body()
    {
        // Was: 400 with an empty body and no content type (the framework writes problems only to clients that accept JSON).
        var response = await Send(HttpMethod.Post, "/api/dev/token", "{\"role\":\"village-council\",\"county\":\"r\"}", null, accept: "text/csv");
        await AssertProblem(response, 400);
        var p = Projects(UniqueName("官店镇"));
        await AssertProblem(await Send(HttpMethod.Get, "/api/projects/not-a-guid/trail", null, Auditor, accept: "text/csv"), 404);
        await AssertProblem(await Send(HttpMethod.Get, $"/api/projects/{Guid.NewGuid()}/trail?page=0", null, Auditor, accept: "text/csv"), 400, 404);
        await AssertProblem(await Send(HttpMethod.Post, "/api/projects", "null", p.Hq, accept: "text/csv"), 400, 406);
    }

    [Fact]
    public async Task audit_events_between_times_with_a_china_offset_are_answered()
    {
        // Was: 500 "Cannot write DateTimeOffset with Offset=08:00:00 to PostgreSQL type 'timestamp with time zone'".
        var response = await Send(HttpMethod.Get, "/api/audit/events?from=2019-07-01T00%3A00%3A00Z&to=2020-01-15T10%3A00%3A00%2B08%3A00&actor=%E7%8E%8B%E7%A7%80%E8%8B%B1", null, App.Token("admin"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(200, (int)(await Send(HttpMethod.Get, "/api/audit/events?from=2019-07-01T08%3A00%3A00%2B08%3A00", null, Auditor)).StatusCode);
    }

    [Theory]
    [InlineData("/api/deadlines/summary?knownAt=9999-12-31T23%3A59%3A59Z&category=r")]
    [InlineData("/api/deadlines?knownAt=0001-01-01T00%3A00%3A00Z")]
    [InlineData("/api/deadlines?asOf=9999-12-31")]
    [InlineData("/api/reports/slow-money?asOf=9999-12-31")]
    [InlineData("/api/audit/events?to=9999-12-31T23%3A59%3A59Z")]
    public async Task dates_and_times_beyond_the_business_years_are_400_problems(string url)
    {
        // Was: 500 "The added or subtracted value results in an un-representable DateTime" (China time of the year 9999).
        await AssertProblem(await Send(HttpMethod.Get, url, null, Auditor), 400);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string url, string? body, string? token, string? accept = null)
    {
        var client = Host.Server.CreateClient();
        var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (accept is not null) request.Headers.Accept.ParseAdd(accept);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    private static async Task AssertProblem(HttpResponseMessage response, params int[] statuses)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(statuses.Contains((int)response.StatusCode), $"{response.RequestMessage!.RequestUri} {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((int)response.StatusCode, (int)problem["status"]!);
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["title"]);
    }
}
