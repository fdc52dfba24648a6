using Alba;
using Funds.Api.Security;
using Funds.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;

[assembly: AssemblyFixture(typeof(Funds.IntegrationTests.Infrastructure.FundsApp))]

namespace Funds.IntegrationTests.Infrastructure;

/// <summary>The test run's PostgreSQL server, for fixtures that need a database of their own on it.</summary>
public static class TestServer
{
    public static string ConnectionString { get; set; } = "";
}

/// <summary>The real application, in memory, against a real PostgreSQL; one per test run.</summary>
public sealed class FundsApp : IAsyncLifetime
{
    private TestDatabase? _db;

    /// <summary>Tests run "today" = 2020-01-15 (China time) unless they move the clock.</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2020, 1, 15, 10, 0, 0, TimeSpan.FromHours(8)));

    public IAlbaHost Host { get; private set; } = null!;

    /// <summary>What the host logged (every level the host's filters let through).</summary>
    public LogCapture Logs { get; } = new();
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    public string ConnectionString => _db!.ConnectionString;

    /// <summary>The county the tests act in unless they say otherwise.</summary>
    public const string County = "422822";
    /// <summary>The other county served by the test deployment (another province).</summary>
    public const string OtherCounty = "370402";

    public string Token(string role, string? scope = null, string? subject = null, string county = County)
        => Host.Services.GetRequiredService<TokenIssuer>().Issue(subject ?? $"test-{role}", role, county, scope);

    public string ProvinceToken(string role, string province, string? subject = null)
        => Host.Services.GetRequiredService<TokenIssuer>().Issue(subject ?? $"test-{role}", role, null, province: province);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task>> _villages = new();

    /// <summary>Puts a village on the county's register (as admin) once per test run; projects and households
    /// can only be placed in registered villages. An already registered village is fine.</summary>
    public Task RegisterVillage(string township, string village, string county = County, string status = "Poor")
        => _villages.GetOrAdd($"{county}|{township}/{village}", _ => new Lazy<Task>(async () =>
        {
            using var client = Host.Server.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", Token(Funds.Domain.Access.Roles.Admin, county: county));
            var body = System.Text.Json.JsonSerializer.Serialize(new { township, name = village, status, registeredOn = "2017-01-01" });
            var response = await client.PostAsync("/api/villages", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            if (response.StatusCode is not (System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.Conflict))
                throw new InvalidOperationException($"Registering {township}/{village}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        })).Value;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.StartAsync();
        TestServer.ConnectionString = _db.ConnectionString;
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", _db.ConnectionString);
            b.UseSetting("Funds:Projections:Daemon", "Solo");
            // Escalation scans run only where a test asks for them (DeadlineBoardTests).
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            // County policy of its own for the other county: its township HQs approve projects up to 300,000 yuan.
            b.UseSetting("Funds:Tenancy:Counties:1:Policy:TownshipApprovalLimit", "300000");
            b.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
                services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs);
            });
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (_db is not null) await _db.DisposeAsync();
    }
}
