using JasperFx.OpenTelemetry;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Funds.Api.Telemetry;

/// <summary>OpenTelemetry traces and metrics for ASP.NET Core, Wolverine, Marten, Npgsql and Funds itself. Exported
/// over OTLP only when an endpoint is configured (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Funds:Telemetry:Otlp</c>);
/// without one nothing leaves the process and nothing else is needed.</summary>
public static class TelemetrySetup
{
    public static void AddFundsTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureMarten(opts =>
        {
            opts.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            opts.OpenTelemetry.TrackEventCounters();
            opts.Listeners.Add(new EventMetrics());
        });
        builder.Services.AddHostedService<ProjectionLagMonitor>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "funds-api"))
            .WithTracing(t => t
                .AddSource(FundsMetrics.Name, "Wolverine", "Marten", "Npgsql")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddNpgsql())
            .WithMetrics(m => m
                .AddMeter(FundsMetrics.Name, "Wolverine*", "Marten*")
                .AddAspNetCoreInstrumentation()
                .AddNpgsqlInstrumentation());

        var configured = builder.Configuration["Funds:Telemetry:Otlp"];
        if (!string.IsNullOrWhiteSpace(configured))
            telemetry.UseOtlpExporter(Protocol(builder.Configuration["Funds:Telemetry:OtlpProtocol"]), new Uri(configured));
        else if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
    }

    private static OtlpExportProtocol Protocol(string? name)
        => string.Equals(name, "grpc", StringComparison.OrdinalIgnoreCase) ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
}
