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
