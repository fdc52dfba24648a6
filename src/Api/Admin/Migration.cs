using System.Text.RegularExpressions;
using Funds.Api.Audit;
using Funds.Api.Hosting;
using Npgsql;
using Wolverine.Persistence.Durability;

namespace Funds.Api.Admin;

/// <summary>Schema changes as the database owner, apart from the application: Marten's tables and functions in every
/// county's database, Wolverine's message storage, the hash chain and its append-only guards, then the application
/// role's grants — rows in, rows out, never a change to the schema, and no UPDATE, DELETE or TRUNCATE on the events,
/// their hashes or the chain state. Runs from <c>-- migrate</c>, or before the API starts when
/// <c>ConnectionStrings:FundsOwner</c> is set (unless <c>Funds:Database:MigrateOnStart</c> is false).</summary>
public static partial class Migration
{
    public const string OwnerConnectionStringName = "FundsOwner";

    public static string? OwnerConnectionString(IConfiguration configuration)
        => configuration.GetConnectionString(OwnerConnectionStringName) is { Length: > 0 } owner ? owner : null;

    /// <summary>The API connects as a role that is not the owner: it creates and alters nothing.</summary>
    public static bool RunsAsApplicationRole(IConfiguration configuration) => OwnerConnectionString(configuration) is not null;

    /// <summary>Builds the application once more on the owner's connection, with no background work, and migrates.</summary>
    public static async Task RunAsOwnerAsync(string[] args, string? contentRoot, IConfiguration configuration)
    {
        var appConnection = configuration.GetConnectionString(LocalDatabase.ConnectionStringName);
        var appRole = appConnection is null ? null : new NpgsqlConnectionStringBuilder(appConnection).Username;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:" + LocalDatabase.ConnectionStringName] = OwnerConnectionString(configuration) ?? appConnection,
            ["ConnectionStrings:" + OwnerConnectionStringName] = "",
            ["Funds:Projections:Daemon"] = "Disabled",
            ["Funds:Deadlines:Escalate"] = "false",
        });
        await FundsApi.ConfigureAsync(builder);
        await using var app = builder.Build();
        var owner = new NpgsqlConnectionStringBuilder(app.Configuration.GetConnectionString(LocalDatabase.ConnectionStringName)).Username;
        await MigrateAsync(app.Services, appRole is not null && appRole != owner ? appRole : null, CancellationToken.None);
        if (app.Services.GetService<LocalPostgres>() is { } cluster) await cluster.DisposeAsync();
    }

    public static async Task MigrateAsync(IServiceProvider services, string? appRole, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        await new EventChainInstaller(store, services.GetService<DigestSigner>()).StartAsync(ct);
        await services.GetRequiredService<IMessageStore>().Admin.MigrateAsync();
        if (appRole is null) return;
        if (!RoleName().IsMatch(appRole)) throw new InvalidOperationException($"The application role '{appRole}' is not a plain PostgreSQL role name.");
        foreach (var database in await store.Storage.AllDatabases())
        {
            await using var conn = database.CreateConnection();
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(Grants(store.Options.Events.DatabaseSchemaName, appRole), conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Every schema the owner made: use, read and write rows, sequences and functions; then the event store
    /// loses everything but INSERT and SELECT (hashes are written by the chain trigger, which runs as the owner); read
    /// models may be emptied for a rebuild.</summary>
    private static string Grants(string schema, string role) => $"""
        do $$ declare s text; begin
            for s in select nspname from pg_namespace where nspowner = (select oid from pg_roles where rolname = current_user)
                     and nspname not like 'pg\_%' and nspname <> 'information_schema' loop
                execute format('grant usage on schema %I to {role}', s);
                execute format('grant select, insert, update, delete on all tables in schema %I to {role}', s);
                execute format('grant usage, select, update on all sequences in schema %I to {role}', s);
                execute format('grant execute on all functions in schema %I to {role}', s);
            end loop;
            -- A rebuild empties a read model's table before replaying.
            for s in select tablename from pg_tables where schemaname = '{schema}' and tablename like 'mt\_doc\_%' and tablename <> 'mt_doc_uniquekey' loop
                execute format('grant truncate on {schema}.%I to {role}', s);
            end loop;
        end $$;
        revoke update, delete, truncate, references, trigger on {schema}.mt_events from {role};
        revoke delete, truncate, references, trigger on {schema}.mt_streams from {role};
        revoke insert, update, delete, truncate, references, trigger on {schema}.funds_event_hashes, {schema}.funds_chain_state from {role};
        """;

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
