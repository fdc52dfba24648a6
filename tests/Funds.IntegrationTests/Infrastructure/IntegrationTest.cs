using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alba;
using Marten;

namespace Funds.IntegrationTests.Infrastructure;

public abstract class IntegrationTest(FundsApp app)
{
    protected FundsApp App { get; } = app;

    protected ProjectDriver Projects => new(async (url, body, status) => Json(await Post(url, body, status)));
    protected IAlbaHost Host => App.Host;

    /// <summary>A unique township per test keeps list queries independent of other tests' data.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    protected async Task<long> StreamVersion(Guid id)
    {
        await using var session = App.Store.QuerySession();
        var state = await session.Events.FetchStreamStateAsync(id);
        return state?.Version ?? 0;
    }

    protected async Task<long> TotalEvents()
    {
        await using var session = App.Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    protected static JsonObject Json(IScenarioResult result) => JsonNode.Parse(result.ReadAsText())!.AsObject();

    protected Task<IScenarioResult> Post(string url, object body, int status, Action<Scenario>? configure = null)
        => Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            configure?.Invoke(s);
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> PostRaw(string url, string rawBody, int status)
        => Host.Scenario(s =>
        {
            s.Post.Text(rawBody).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> Get(string url, int status = 200)
        => Host.Scenario(s =>
        {
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });
}
