using System.Text;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Funds.IntegrationTests;

/// <summary>Expected rejections — optimistic-concurrency conflicts, bad input — are not logged as errors (issue 16);
/// a conflict is one line at information. Runs alone so that no other test's log lines interleave.</summary>
[Collection(nameof(Alone))]
public class QuietLogTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task concurrency_conflicts_and_bad_input_log_no_error_and_no_stack_trace()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.RegisteredAndApproved();
        await p.SelectBuilder(id);
        App.Logs.Entries.Clear();

        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", p.Hq);
        var attempts = Enumerable.Range(0, 8).Select(_ => client.PostAsync($"/api/projects/{id}/start",
            new StringContent("{\"startedOn\":\"2019-03-01\"}", Encoding.UTF8, "application/json")));
        var codes = (await Task.WhenAll(attempts)).Select(r => (int)r.StatusCode).ToArray();
        Assert.Contains(200, codes);
        foreach (var body in new[] { "{\"startedOn\":", "null", "{\"startedOn\":\"2019-02-30\"}", "{\"a\":1,\"a\":2}" })
            await client.PostAsync($"/api/projects/{id}/completion", new StringContent(body, Encoding.UTF8, "application/json"));

        var loud = App.Logs.Entries.Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(loud.Count == 0, string.Join("\n", loud.Select(e => $"{e.Level} {e.Category}: {e.Message} {e.Exception?.GetType().Name}")));
        Assert.Contains(409, codes);
    }

    [Fact]
    public async Task an_optimistic_concurrency_conflict_is_one_information_line_and_a_failure_stays_an_error()
    {
        App.Logs.Entries.Clear();
        var conflict = await Handle(new JasperFx.ConcurrencyException($"Unexpected starting version for stream {Guid.NewGuid()}", null!));
        Assert.Equal(409, conflict);
        var line = Assert.Single(App.Logs.Entries, e => e.Category.EndsWith("ProblemMapping"));
        Assert.True(line.Level == LogLevel.Information && line.Exception is null && !line.Message.Contains('\n'), line.ToString());
        Assert.Contains("concurrent-modification", line.Message);

        App.Logs.Entries.Clear();
        Assert.Equal(500, await Handle(new InvalidOperationException("boom")));
        Assert.Contains(App.Logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "boom");
    }

    /// <summary>Through the one exception handler every request's failure goes through.</summary>
    private async Task<int> Handle(Exception exception)
    {
        var handler = ActivatorUtilities.CreateInstance<global::Funds.Api.Pipeline.ProblemMapping>(Host.Services);
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = Host.Services };
        http.Request.Method = "POST";
        http.Request.Path = "/api/projects/x/start";
        http.Response.Body = new MemoryStream();
        await handler.TryHandleAsync(http, exception, CancellationToken.None);
        return http.Response.StatusCode;
    }
}
