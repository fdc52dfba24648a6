using System.Text.Json.Serialization;
using Funds.Api.Audit;
using Funds.Api.Deadlines;
using Funds.Api.Infrastructure;
using Funds.Domain.Deadlines;
using Microsoft.Extensions.Options;
using Funds.Domain.Common;
using Funds.Projections;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

var builder = WebApplication.CreateBuilder(args);

var connectionString = await LocalDatabase.ResolveConnectionStringAsync(builder);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<ProjectRules>(builder.Configuration.GetSection("Funds:Rules"));
builder.Services.Configure<DeadlineOptions>(builder.Configuration.GetSection("Funds:Deadlines"));
builder.Services.AddSingleton(sp =>
{
    var o = sp.GetRequiredService<IOptions<DeadlineOptions>>().Value;
    return new DeadlinePolicy([.. DeadlinePolicy.Plan2019, .. o.Rules], o.AtRiskDays);
});
builder.Services.AddSingleton<DeadlineEscalation>();
builder.Services.AddHostedService<EventChainInstaller>();
// The demo county (on by default in Development): seeded once into an empty store, before any escalation scan.
if (builder.Configuration.GetValue("Funds:Demo:Seed", false))
    builder.Services.AddHostedService<Funds.Api.Demo.DemoCountySeeder>();
if (builder.Configuration.GetValue("Funds:Deadlines:Escalate", true))
    builder.Services.AddHostedService<DeadlineEscalationService>();

builder.Services.AddMarten(opts => FundsStore.Configure(opts, connectionString))
    .UseLightweightSessions()
    // Solo: this process runs the asynchronous projections. HotCold (leader election, for several API
    // nodes on one database) needs the real Patched.DistributedLock.Postgres; with the stand-in this
    // registry allows (see README, Package notes) its lock fails, so it is not the default.
    .AddAsyncDaemon(builder.Configuration.GetValue("Funds:Projections:Daemon", DaemonMode.Solo))
    .ApplyAllDatabaseChangesOnStartup()
    .IntegrateWithWolverine();

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    opts.UseRuntimeCompilation();
    opts.Durability.Mode = DurabilityMode.Solo;
});

builder.Services.AddWolverineHttp();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemMapping.Complete);
builder.Services.AddExceptionHandler<ProblemMapping>();
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseHealthCheck>("database")
    .AddCheck<ProjectionsHealthCheck>("projections");
builder.Services.AddFundsOpenApi();
builder.AddFundsSecurity();
builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = RequestLimits.MaxBodyBytes);

var app = builder.Build();

if (await Funds.Api.Admin.Commands.TryRunAsync(app, args) is { } exitCode)
{
    if (app.Services.GetService<LocalPostgres>() is { } cluster) await cluster.DisposeAsync();
    return exitCode;
}

app.UseCorrelation();
app.Use(async (http, next) =>
{
    // Commands are small; refuse large bodies before reading them (Kestrel enforces the same limit on streamed bodies).
    if (http.Request.ContentLength > RequestLimits.MaxBodyBytes)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = ProblemMapping.Rule(413, "body-too-large", $"Request bodies are limited to {RequestLimits.MaxBodyBytes / 1024} KiB."),
        });
        return;
    }
    await next(http);
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSwagger();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/swagger/v1/swagger.json", "Funds API v1");
    o.DocumentTitle = "Funds API";
});
app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapDevTokens();
app.MapWolverineEndpoints(o =>
{
    o.WarmUpRoutes = RouteWarmup.Lazy;
    o.RejectUnparseableQueryValues = true;
});

// Plain `dotnet run` serves HTTP; other arguments go to the JasperFx command line (codegen, db-apply, …).
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

public partial class Program;

public static class RequestLimits
{
    public const int MaxBodyBytes = 256 * 1024;
}
