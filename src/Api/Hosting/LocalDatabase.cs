namespace Funds.Api.Hosting;

/// <summary>Zero-configuration database for `dotnet run` in Development: when ConnectionStrings:Funds is not set,
/// the persistent local cluster under the repository's git-ignored `.data/postgres` is started
/// (or reused) and its connection string used. A configured connection string always wins.</summary>
public static class LocalDatabase
{
    public const string ConnectionStringName = "Funds";

    public static async Task<string> ResolveConnectionStringAsync(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (!builder.Environment.IsDevelopment())
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not configured. Outside Development Funds needs a database you run " +
                "(e.g. the environment variable ConnectionStrings__Funds); the zero-configuration local cluster is for Development only.");

        var section = builder.Configuration.GetSection("Funds:LocalDatabase");
        var dataDirectory = section["DataDirectory"] ?? Path.Combine(RepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
        var port = int.TryParse(section["Port"], out var p) ? p : 55432;

        var cluster = await LocalPostgres.StartPersistentAsync(dataDirectory, port);
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService(sp => new StopOnShutdown(cluster, sp.GetRequiredService<IHostApplicationLifetime>()));
        Console.WriteLine($"Funds: no ConnectionStrings:Funds configured; using the local PostgreSQL cluster in {cluster.DataDirectory} on port {cluster.Port}.");
        return cluster.ConnectionString;
    }

    private static string RepositoryRoot(string contentRoot)
    {
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Funds.sln"))) return dir.FullName;
        return contentRoot;
    }

    /// <summary>Stops the cluster once the API has stopped (after every other service let go of the
    /// database), if this process started it; a reused one keeps running.</summary>
    private sealed class StopOnShutdown(LocalPostgres cluster, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken ct)
        {
            lifetime.ApplicationStopped.Register(() => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult());
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    }
}
