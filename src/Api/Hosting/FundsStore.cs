using Funds.Projections;
using JasperFx;
using JasperFx.Events;
using JasperFx.MultiTenancy;
using Weasel.Core;

namespace Funds.Api.Hosting;

/// <summary>The Marten configuration of the event store and read models, shared by the API, the demo,
/// the benchmarks and tools that open the store directly. Every row belongs to a county (Marten's
/// tenant): in shared tables by tenant_id, or in a database per county.</summary>
public static class FundsStore
{
    public const string Schema = "funds";

    /// <summary>With <c>forRebuild</c>, every read model is a member of one projection (<see cref="FundsProjections.AllReadModels"/>):
    /// a store opened only to rebuild them in one pass.</summary>
    public static void Configure(StoreOptions opts, string connectionString, TenancyOptions tenancy, string schema = Schema, bool forRebuild = false)
    {
        connectionString = Tuned(connectionString, prepared: forRebuild);
        if (tenancy.Mode == TenancyMode.DatabasePerCounty)
        {
            if (tenancy.Counties.All(c => !string.IsNullOrWhiteSpace(c.ConnectionString)))
                opts.MultiTenantedDatabases(x =>
                {
                    foreach (var county in tenancy.Counties) x.AddSingleTenantDatabase(Tuned(county.ConnectionString!, prepared: forRebuild), county.Code);
                });
            else
                opts.MultiTenantedWithSingleServer(connectionString, t =>
                {
                    foreach (var county in tenancy.Counties) t.WithTenants(county.Code).InDatabaseNamed(DatabaseName(county.Code));
                });
        }
        else
        {
            opts.Connection(connectionString);
        }
        opts.Policies.AllDocumentsAreMultiTenanted();
        opts.Events.TenancyStyle = TenancyStyle.Conjoined;

        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Schema.For<IdempotentResponse>().Identity(x => x.Id);
        opts.Schema.For<UniqueKey>().Identity(x => x.Id);
        FundsProjections.Register(opts, forRebuild);
        Funds.Projections.Evolution.EventVersions.Register(opts);
    }

    /// <summary>Pooled connections are not reset with DISCARD ALL on their way back to the pool: DISCARD ALL also drops the
    /// plans PostgreSQL cached for Marten's and the hash chain's PL/pgSQL functions, so every command planned them again,
    /// which was half a payment's database time (docs/benchmarks.md). Funds keeps no session state on a connection
    /// (settings it changes are local to a transaction). Npgsql's automatic preparation did the same and more, but
    /// failed under load here ("unexpected backend message DataRow"). A connection string that sets
    /// <c>No Reset On Close</c> itself keeps its value.
    /// <para>With <c>prepared</c> (the rebuild's own store only), statements are also prepared automatically: a rebuild
    /// sends the same few inserts thousands of times and rolls nothing back unless it fails as a whole.</para></summary>
    public static string Tuned(string connectionString, bool prepared = false)
    {
        // The plain builder holds only the keys the string names (Npgsql's own answers for every key it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose")) tuned.NoResetOnClose = true;
        if (prepared && !given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare")) tuned.MaxAutoPrepare = 32;
        return tuned.ConnectionString;
    }

    /// <summary>A store on the same databases whose one projection rebuilds every read model (<see cref="Admin.Rebuild"/>).</summary>
    public static DocumentStore ForRebuild(StoreConnection connection, AutoCreate autoCreate) => DocumentStore.For(o =>
    {
        Configure(o, connection.ConnectionString, connection.Tenancy, connection.Schema, forRebuild: true);
        o.AutoCreateSchemaObjects = autoCreate;
        // One pass reads every event, also those of types no code here knows (another writer's): no read model uses
        // them, and the live daemon skips them too.
        o.Projections.RebuildErrors.SkipUnknownEvents = true;
        // Its daemon is the one Rebuild builds and runs; nothing else runs its projection.
        o.Projections.AsyncMode = JasperFx.Events.Daemon.DaemonMode.ExternallyManaged;
    });

    /// <summary>The database a county gets on the configured server when it names none of its own.</summary>
    public static string DatabaseName(string county) => $"funds_{county}";
}

/// <summary>Where the store lives, as configured: what opens a second store on the same databases needs.</summary>
public sealed record StoreConnection(string ConnectionString, TenancyOptions Tenancy, string Schema = FundsStore.Schema);
