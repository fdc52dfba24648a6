using System.Text.Json.Serialization;
using Funds.Api.Admin;
using Funds.Api.Audit;
using Funds.Api.Board;
using Funds.Api.Deadlines;
using Funds.Api.Http;
using Funds.Api.Telemetry;
using Funds.Domain.Deadlines;
using JasperFx;
using JasperFx.Core;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;

namespace Funds.Api.Hosting;

/// <summary>The API's wiring, in one place. <c>src/Api</c> runs it as is; the demo (tools/Funds.Demo) runs it
/// with its seeding service added.</summary>
public static class FundsApi
{
    /// <param name="args">The command line.</param>
    /// <param name="extend">Adds services that must start after the schema exists and before deadline escalation
    /// (hosted services start in the order they are registered).</param>
    /// <param name="contentRoot">Where appsettings are read from, when not the current project folder.</param>
    public static async Task<int> RunAsync(string[] args, Action<WebApplicationBuilder>? extend = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        var migrateOnly = args.FirstOrDefault() == "migrate";
        if (migrateOnly || (Migration.RunsAsApplicationRole(builder.Configuration) && builder.Configuration.GetValue("Funds:Database:MigrateOnStart", true)))
        {
            await Migration.RunAsOwnerAsync(args, contentRoot, builder.Configuration);
            if (migrateOnly)
            {
                Console.WriteLine("Funds: schema migrated.");
                return 0;
            }
        }
        await ConfigureAsync(builder, extend);
        var app = builder.Build();

        if (await Commands.TryRunAsync(app, args) is { } exitCode)
        {
            if (app.Services.GetService<LocalPostgres>() is { } cluster) await cluster.DisposeAsync();
            return exitCode;
        }

        UsePipeline(app);
        // Plain `dotnet run` (and --urls) serves HTTP; other arguments go to the JasperFx command line (codegen, db-apply, …).
        if (args.Length == 0 || args[0].StartsWith("--urls", StringComparison.Ordinal))
        {
            await app.RunAsync();
            return 0;
        }
        return await app.RunJasperFxCommands(args);
    }

    public static async Task ConfigureAsync(WebApplicationBuilder builder, Action<WebApplicationBuilder>? extend = null)
    {
        var connectionString = await LocalDatabase.ResolveConnectionStringAsync(builder);
        var tenancy = builder.Configuration.GetSection("Funds:Tenancy").Get<TenancyOptions>() ?? new TenancyOptions();
        var counties = new Counties(tenancy, builder.Configuration);
        // With an owner connection configured, this process changes no schema: Migration did, as the owner.
        var applicationRole = Migration.RunsAsApplicationRole(builder.Configuration);
        if (tenancy.Mode == TenancyMode.Conjoined && !applicationRole)
        {
            var legacy = builder.Configuration["Funds:Tenancy:LegacyCounty"] ?? counties.Default;
            if (await LegacyTenancy.AdoptAsync(connectionString, FundsStore.Schema, legacy))
                Console.WriteLine($"Funds: the store predates counties as tenants; every record in it now belongs to county {legacy}.");
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(counties);
        builder.Services.AddSingleton(new StoreConnection(connectionString, tenancy));
        builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection("Funds:Deadlines"));
        builder.Services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<DeadlineOptions>>().Value;
            return new DeadlinePolicy([.. DeadlinePolicy.Plan2019, .. o.Rules], o.AtRiskDays, o.IndustryProjects);
        });
        builder.Services.AddSingleton<DeadlineEscalation>();
        builder.Services.AddSingleton<DigestSigner>();
        builder.Services.AddSingleton<Households.IdentityProtector>();
        if (!applicationRole) builder.Services.AddHostedService<EventChainInstaller>();
        extend?.Invoke(builder);

        // The background work — asynchronous projections and the deadline escalation — runs as Wolverine
        // agents: all on this node in Solo mode; in Balanced mode each on exactly one node of the cluster,
        // moved to a survivor when its node dies. "Disabled" runs none here (a second process on the same
        // database, e.g. a command-line tool).
        var cluster = builder.Configuration.GetSection("Funds:Cluster").Get<ClusterOptions>() ?? new ClusterOptions();
        var runAgents = builder.Configuration["Funds:Projections:Daemon"] != "Disabled";
        if (runAgents && builder.Configuration.GetValue("Funds:Deadlines:Escalate", true))
            builder.Services.AddSingularAgent<DeadlineEscalationAgent>();

        var marten = builder.Services.AddMarten(opts =>
            {
                FundsStore.Configure(opts, connectionString, tenancy);
                if (applicationRole) opts.AutoCreateSchemaObjects = AutoCreate.None;
            })
            .UseLightweightSessions();
        if (!applicationRole) marten.ApplyAllDatabaseChangesOnStartup();
        marten.IntegrateWithWolverine(w =>
            {
                w.MainDatabaseConnectionString = FundsStore.Tuned(connectionString);
                w.UseWolverineManagedEventSubscriptionDistribution = runAgents;
            });

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(FundsApi).Assembly;
            opts.UseRuntimeCompilation();
            cluster.Apply(opts.Durability);
            if (applicationRole) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            // Message handlers decide again on fresh state when another writer saved to their stream first.
            opts.OnException<ConcurrencyException>().RetryWithCooldown(20.Milliseconds(), 50.Milliseconds(), 100.Milliseconds(), 250.Milliseconds());
        });

        builder.Services.AddWolverineHttp();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
            // A key sent twice is ambiguous (which one did the client mean?): malformed JSON, not "the last one wins".
            o.SerializerOptions.AllowDuplicateProperties = false;
        });

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            ProblemMapping.Complete(c);
            Telemetry.CommandTelemetry.Problem(c);
        });
        builder.Services.AddSingleton<IProblemDetailsWriter, ProblemWriter>();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        QuietLogs.Apply(builder);
        RateLimits.Add(builder);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database")
            .AddCheck<ProjectionsHealthCheck>("projections")
            .AddCheck<ClusterHealthCheck>("cluster");
        builder.Services.AddFundsOpenApi();
        builder.AddFundsSecurity();
        builder.AddFundsTelemetry();
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);
    }

    public static void UsePipeline(WebApplication app)
    {
        app.UseCorrelation();
        app.UseRequestLimits();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The OpenAPI document and Swagger UI describe every route: on in Development, elsewhere only when configured.
        var openApi = app.Configuration.GetValue("Funds:OpenApi:Enabled", app.Environment.IsDevelopment());
        if (openApi)
        {
            app.UseSwagger();
            app.UseSwaggerUI(o =>
            {
                o.SwaggerEndpoint("/swagger/v1/swagger.json", "Funds API v1");
                o.DocumentTitle = "Funds API";
            });
        }
        app.UseBoard();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseCommandTelemetry();
        app.UseQueryBounds();
        app.MapGet("/", () => Results.Redirect(openApi ? "/swagger" : "/health")).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapDevTokens();
        app.MapWolverineEndpoints(o =>
        {
            o.WarmUpRoutes = RouteWarmup.Lazy;
            o.RejectUnparseableQueryValues = true;
            o.TenantId.DetectWith(new CountyDetection());
            o.TenantId.AssertExists();
            o.AddPolicy<AccessPolicy>();
            o.AddPolicy<CommandPolicy>();
            o.AddPolicy<QueryBounds.Policy>();
            o.AddPolicy<RateLimits.Policy>();
        });
    }
}
