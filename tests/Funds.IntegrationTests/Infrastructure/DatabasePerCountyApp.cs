using Alba;
using Funds.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Wolverine;

namespace Funds.IntegrationTests.Infrastructure;

/// <summary>A second deployment on the test server configured with a database per county (funds_422822,
/// funds_370402, created by Marten) and its own main database, for the tests that must hold on both tenancy modes.</summary>
public sealed class DatabasePerCountyApp : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string MainConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var shared = new NpgsqlConnectionStringBuilder(TestServer.ConnectionString);
        var main = "funds_main_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(shared.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {main}", conn);
            await create.ExecuteNonQueryAsync();
        }
        MainConnectionString = new NpgsqlConnectionStringBuilder(shared.ConnectionString) { Database = main }.ConnectionString;
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", MainConnectionString);
            b.UseSetting("Funds:Tenancy:Mode", "DatabasePerCounty");
            b.UseSetting("Funds:Projections:Daemon", "Solo");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.ConfigureServices(services => services.RunWolverineInSoloMode());
        });
    }

    public string Token(string role, string county, string? scope = null)
        => Host.Services.GetRequiredService<TokenIssuer>().Issue($"test-{role}", role, county, scope);

    public string ProvinceToken(string role, string province)
        => Host.Services.GetRequiredService<TokenIssuer>().Issue($"test-{role}", role, null, province: province);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}
