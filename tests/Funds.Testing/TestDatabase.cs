using Funds.Api.Hosting;
using Testcontainers.PostgreSql;

namespace Funds.Testing;

/// <summary>
/// The tests' PostgreSQL: FUNDS_TEST_CONNECTION if set; else a Testcontainers container when a
/// Docker engine answers; else a throwaway local cluster (<see cref="LocalPostgres"/>); else one
/// failure that says what to install.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private PostgreSqlContainer? _container;
    private LocalPostgres? _local;

    public string ConnectionString { get; private set; } = "";
    public string Source { get; private set; } = "";

    public static async Task<TestDatabase> StartAsync()
    {
        var db = new TestDatabase();
        var configured = Environment.GetEnvironmentVariable("FUNDS_TEST_CONNECTION");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            db.ConnectionString = configured;
            db.Source = "FUNDS_TEST_CONNECTION";
            return db;
        }

        if (DockerMayAnswer())
        {
            try
            {
                db._container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await db._container.StartAsync();
                db.ConnectionString = db._container.GetConnectionString();
                db.Source = "Testcontainers";
                return db;
            }
            catch (Exception e)
            {
                Console.WriteLine($"Docker did not provide PostgreSQL ({e.GetType().Name}: {e.Message}); trying local server binaries.");
                db._container = null;
            }
        }

        if (LocalPostgres.FindBinaries() is null)
            throw new InvalidOperationException("Integration tests need PostgreSQL. Either run a Docker engine (Testcontainers), " +
                                                "or install the PostgreSQL server binaries (apt-get install postgresql), " +
                                                "or set FUNDS_TEST_CONNECTION to a database the tests may write to.");
        db._local = await StartThrowawayAsync();
        db.ConnectionString = db._local.ConnectionString;
        db.Source = "local throwaway cluster on port " + db._local.Port;
        return db;
    }

    /// <summary>A new cluster in a temporary folder on a free port; disposing stops it and deletes the folder.
    /// Durability is worthless for a cluster deleted after the run; speed is not (unless <paramref name="durable"/>).</summary>
    public static Task<LocalPostgres> StartThrowawayAsync(bool durable = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "funds-pg-" + Guid.NewGuid().ToString("N")[..12]);
        string[] settings = durable
            ? ["max_connections=200", "shared_buffers=1GB", "max_wal_size=4GB", "shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "pg_stat_statements.track_planning=on"]
            : ["fsync=off", "synchronous_commit=off", "full_page_writes=off", "max_connections=200"];
        return LocalPostgres.CreateAsync(dir, LocalPostgres.FreePort(), settings, throwaway: true);
    }

    private static bool DockerMayAnswer()
        => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock");

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
        if (_local is not null) await _local.DisposeAsync();
    }
}
