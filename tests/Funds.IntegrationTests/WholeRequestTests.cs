using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Bad input from the whole request rather than one field (issue 16): bodies that are not a JSON object,
/// and paging values at the edge. Each answers 400 with a problem and appends nothing.</summary>
public class WholeRequestTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task the_seven_requests_of_issue_16_answer_400_problems_and_append_nothing()
    {
        var p = Projects(UniqueName("官店镇"));
        var project = await p.RegisteredAndApproved();
        var source = await Funds.Source(received: 1_000m);
        var before = (await StreamVersion(project), await StreamVersion(source), await RegistrationsIn(p.Township));

        await AssertProblem(HttpMethod.Post, "/api/projects", "null", p.Hq);
        await AssertProblem(HttpMethod.Post, $"/api/projects/{project}/disbursements", "null", Finance);
        await AssertProblem(HttpMethod.Post, $"/api/fund-sources/{source}/receipts", "null", Finance);
        await AssertProblem(HttpMethod.Post, $"/api/fund-sources/{source}/allocations", "null", Finance);
        await AssertProblem(HttpMethod.Post, $"/api/fund-sources/{source}/allocation-reductions", "null", Finance);
        await AssertProblem(HttpMethod.Get, "/api/projects?page=2147483647&pageSize=500", null, Auditor);
        await AssertProblem(HttpMethod.Get, "/api/audit/events?page=2147483647&pageSize=1000", null, Auditor);

        Assert.Equal(before, (await StreamVersion(project), await StreamVersion(source), await RegistrationsIn(p.Township)));
    }

    public static TheoryData<string, string?> Bodies => new()
    {
        { "null", "application/json" }, { "[]", "application/json" }, { "[{\"kind\":\"Infrastructure\"}]", "application/json" },
        { "42", "application/json" }, { "\"text\"", "application/json" }, { "true", "application/json" }, { "", "application/json" },
        { "{\"kind\":\"Infra", "application/json" }, { "{", "application/json" }, { "{}", "text/plain" }, { "{}", null },
        { "{\"name\":\"a\",\"name\":\"b\"}", "application/json" }, { new string('[', 200) + new string(']', 200), "application/json" },
        { "{\"a\":" + new string('[', 100) + new string(']', 100) + "}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task a_body_that_is_not_one_json_object_is_a_400_problem_on_a_command(string body, string? contentType)
    {
        var p = Projects(UniqueName("官店镇"));
        var project = await p.RegisteredAndApproved();
        var before = (await StreamVersion(project), await RegistrationsIn(p.Township));
        await AssertProblem(HttpMethod.Post, "/api/projects", body, p.Hq, contentType, 400, 415);
        await AssertProblem(HttpMethod.Post, $"/api/projects/{project}/start", body, p.Hq, contentType, 400, 415);
        Assert.Equal(before, (await StreamVersion(project), await RegistrationsIn(p.Township)));
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData(null)]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("dup")]
    public async Task a_valid_command_sent_wrongly_is_refused(string? how)
    {
        var p = Projects(UniqueName("官店镇"));
        var project = await p.RegisteredAndApproved();
        await p.SelectBuilder(project);
        var body = how == "dup" ? "{\"startedOn\":\"2019-03-01\",\"startedOn\":\"2019-03-02\"}" : "{\"startedOn\":\"2019-03-01\"}";
        var before = await StreamVersion(project);
        await AssertProblem(HttpMethod.Post, $"/api/projects/{project}/start", body, p.Hq, how == "dup" ? "application/json" : how, 400, 415);
        Assert.Equal(before, await StreamVersion(project));
    }

    [Theory]
    [InlineData("/api/projects?page=2147483647&pageSize=500")]
    [InlineData("/api/projects?page=0")]
    [InlineData("/api/projects?pageSize=2147483647")]
    [InlineData("/api/projects?page=-2147483648")]
    [InlineData("/api/projects?page=99999999999")]
    [InlineData("/api/fund-sources?page=2147483647")]
    [InlineData("/api/audit/events?page=2147483647&pageSize=1000")]
    [InlineData("/api/audit/events?pageSize=-1")]
    [InlineData("/api/findings?page=2147483647")]
    [InlineData("/api/deadlines?page=2147483647&pageSize=1000")]
    [InlineData("/api/reports/funds?page=2147483647")]
    public async Task paging_values_at_the_edge_are_400_problems(string url)
        => await AssertProblem(HttpMethod.Get, url, null, Auditor);

    private async Task AssertProblem(HttpMethod method, string url, string? body, string token, string? contentType = "application/json", params int[] statuses)
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null) request.Content.Headers.ContentType = new(contentType);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((statuses.Length == 0 ? [400] : statuses).Contains((int)response.StatusCode), $"{method} {url} <{body}> gave {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.NotNull(problem["type"]);
        Assert.NotNull(problem["title"]);
        Assert.Equal((int)response.StatusCode, (int)problem["status"]!);
    }
}
