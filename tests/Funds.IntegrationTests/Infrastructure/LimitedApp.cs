using Alba;
using Funds.Api.Security;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Funds.IntegrationTests.Infrastructure;

/// <summary>A deployment with small per-caller limits (Funds:Limits) on a database of its own, for the limit tests.</summary>
public sealed class LimitedApp : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;

    public static readonly Dictionary<string, string> Limits = new()
    {
        ["Funds:Limits:RequestsPerSecond"] = "1",
        ["Funds:Limits:Burst"] = "20",
        ["Funds:Limits:ConcurrentRequests"] = "2",
        ["Funds:Limits:QueuedRequests"] = "0",
        ["Funds:Limits:ExpensivePerMinute"] = "6",
        ["Funds:Limits:ExpensiveBurst"] = "3",
        ["Funds:Limits:ExpensiveConcurrent"] = "1",
        ["Funds:Limits:ExpensiveQueued"] = "0",
        ["Funds:Limits:CsvMaxRows"] = "3",
    };

    public async ValueTask InitializeAsync()
    {
        var database = "funds_limits_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(TestServer.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {database}", conn);
            await create.ExecuteNonQueryAsync();
        }
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", new NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Database = database }.ConnectionString);
            b.UseSetting("Funds:Projections:Daemon", "Solo");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            foreach (var (key, value) in Limits) b.UseSetting(key, value);
            b.ConfigureServices(services => services.RunWolverineInSoloMode());
        });
    }

    /// <summary>A token of its own subject, so that each test is a caller of its own.</summary>
    public string Token(string role, string? scope = null)
        => Host.Services.GetRequiredService<TokenIssuer>().Issue("limits-" + Guid.NewGuid().ToString("N")[..8], role, FundsApp.County, scope);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}
