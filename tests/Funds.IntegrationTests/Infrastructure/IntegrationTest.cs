using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Alba;
using Funds.Domain.Access;
using Marten;
using Marten.Events;

namespace Funds.IntegrationTests.Infrastructure;

public abstract class IntegrationTest(FundsApp app)
{
    protected FundsApp App { get; } = app;
    protected IAlbaHost Host => App.Host;

    protected string Finance => App.Token(Roles.Finance);
    protected string Auditor => App.Token(Roles.Auditor);

    /// <summary>A driver for projects in one township and village, with tokens scoped to them.</summary>
    protected ProjectDriver Projects(string township, string village = "黄坪村") => new(App, township, village, Post);

    /// <summary>A unique township per test keeps list queries independent of other tests' data.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    protected async Task<long> StreamVersion(Guid id, string county = FundsApp.County)
    {
        await using var session = App.Store.QuerySession(county);
        var state = await session.Events.FetchStreamStateAsync(id);
        return state?.Version ?? 0;
    }

    /// <summary>Waits until the asynchronous projections (trails, ledgers, reports) have caught up.</summary>
    protected Task Projected() => App.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

    protected FundDriver Funds => new(App, Post);

    /// <summary>Registrations recorded for a township (tests use unique townships, so this is per test).</summary>
    protected async Task<int> RegistrationsIn(string township)
    {
        await using var session = App.Store.QuerySession(FundsApp.County);
        return await session.Events.QueryRawEventDataOnly<Funds.Domain.Projects.ProjectRegistered>().Where(e => e.Township == township).CountAsync();
    }

    protected static JsonObject Json(IScenarioResult result) => JsonNode.Parse(result.ReadAsText())!.AsObject();

    /// <summary>The API's JSON: camelCase, enums by name.</summary>
    protected static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>A response body read as the API's own response type.</summary>
    protected static T Read<T>(IScenarioResult result) => JsonSerializer.Deserialize<T>(result.ReadAsText(), ApiJson)!;

    /// <summary>GET as the given reader (default: an auditor of the test county), read as the API's response type.</summary>
    protected async Task<T> Get<T>(string url, string? token = "") => Read<T>(await Get(url, 200, token));

    protected Task<IScenarioResult> Post(string url, object body, int status, string? token, Action<Scenario>? configure = null)
        => Host.Scenario(s =>
        {
            s.Post.Json(body).ToUrl(url);
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            configure?.Invoke(s);
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> PostRaw(string url, string rawBody, int status, string? token)
        => Host.Scenario(s =>
        {
            s.Post.Text(rawBody).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            if (token is not null) s.WithRequestHeader("Authorization", "Bearer " + token);
            s.StatusCodeShouldBe(status);
        });

    protected Task<IScenarioResult> Get(string url, int status = 200, string? token = "")
        => Host.Scenario(s =>
        {
            s.Get.Url(url);
            var bearer = token == "" ? Auditor : token;
            if (bearer is not null) s.WithRequestHeader("Authorization", "Bearer " + bearer);
            s.StatusCodeShouldBe(status);
        });
}
