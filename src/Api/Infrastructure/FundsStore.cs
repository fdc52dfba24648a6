using Funds.Projections;
using JasperFx;
using JasperFx.Events;
using Marten;
using Weasel.Core;

namespace Funds.Api.Infrastructure;

/// <summary>The Marten configuration of the event store and read models, shared by the API, the
/// benchmarks and tools that open the store directly.</summary>
public static class FundsStore
{
    public const string Schema = "funds";

    public static void Configure(StoreOptions opts, string connectionString, string schema = Schema)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        opts.Events.StreamIdentity = StreamIdentity.AsGuid;
        opts.Events.MetadataConfig.CorrelationIdEnabled = true;
        opts.Events.MetadataConfig.CausationIdEnabled = true;
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.MetadataConfig.HeadersEnabled = true;
        opts.Schema.For<IdempotentResponse>().Identity(x => x.Id);
        opts.Schema.For<UniqueKey>().Identity(x => x.Id);
        FundsProjections.Register(opts);
    }
}
