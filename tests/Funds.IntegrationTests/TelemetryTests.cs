using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Alba;
using Funds.Api.Telemetry;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Wolverine;

namespace Funds.IntegrationTests;

/// <summary>A deployment of its own whose OpenTelemetry pipeline exports to memory, so the spans it records can be read.</summary>
public sealed class TracedApp : IAsyncLifetime
{
    public List<Activity> Spans { get; } = [];
    public IAlbaHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", TestServer.ConnectionString);
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.ConfigureServices(services =>
            {
                services.RunWolverineInSoloMode();
                services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
            });
        });
    }

    /// <summary>The spans of one trace, once every span in it has ended (the session's span ends when the request's
    /// services are disposed, just after the answer is sent).</summary>
    public async Task<IReadOnlyList<Activity>> TraceAsync(ActivityTraceId id)
    {
        for (var i = 0; ; i++)
        {
            Host.Services.GetRequiredService<TracerProvider>().ForceFlush();
            List<Activity> spans;
            lock (Spans) spans = Spans.Where(s => s.TraceId == id).ToList();
            var ids = spans.Select(s => s.SpanId).ToHashSet();
            if (i == 50 || spans.All(s => ids.Contains(s.ParentSpanId) || s.Kind == ActivityKind.Server)) return spans;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
    }
}

public class TelemetryTests(FundsApp app, TracedApp traced) : IntegrationTest(app), IClassFixture<TracedApp>
{
    [Fact]
    public async Task a_disbursement_is_traced_from_http_through_the_command_and_marten_to_postgresql()
    {
        var p = Projects(UniqueName("业州镇"));
        var (project, source) = await Funds.FundedProject(p, received: 90_000m);

        var trace = ActivityTraceId.CreateRandom();
        await traced.Host.Scenario(s =>
        {
            s.Post.Json(FundDriver.Payment(source, 4_321.09m, FundDriver.Voucher())).ToUrl($"/api/projects/{project}/disbursements");
            s.WithRequestHeader("Authorization", "Bearer " + Funds.Finance);
            s.WithRequestHeader("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
            s.StatusCodeShouldBe(200);
        });

        var spans = await traced.TraceAsync(trace);
        var byId = spans.ToDictionary(s => s.SpanId);
        IEnumerable<Activity> Ancestors(Activity s)
        {
            for (var at = s; byId.TryGetValue(at.ParentSpanId, out var parent); at = parent) yield return parent;
        }

        var http = Assert.Single(spans, s => s.Source.Name == "Microsoft.AspNetCore" && s.Kind == ActivityKind.Server);
        Assert.Equal("/api/projects/{id}/disbursements", http.GetTagItem("http.route"));
        var command = Assert.Single(spans, s => s.Source.Name == FundsMetrics.Name);
        Assert.Equal("command DisburseFunds", command.DisplayName);
        Assert.Equal("ok", command.GetTagItem("funds.outcome"));
        Assert.Equal(http.SpanId, command.ParentSpanId);
        var marten = spans.Where(s => s.Source.Name == "Marten" && Ancestors(s).Contains(command)).ToList();
        Assert.NotEmpty(marten);
        var sql = spans.Where(s => s.Source.Name == "Npgsql" && Ancestors(s).Intersect(marten).Any()).ToList();
        Assert.NotEmpty(sql);
        Assert.Contains(sql, s => s.GetTagItem("db.system") is "postgresql" || s.GetTagItem("db.system.name") is "postgresql");
    }

    [Fact]
    public async Task commands_rule_violations_and_money_are_counted()
    {
        var measured = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == FundsMetrics.Name) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.Start();

        var p = Projects(UniqueName("花坪镇"));
        var (project, source) = await Funds.FundedProject(p, received: 90_000m);
        var voucher = FundDriver.Voucher();
        await Funds.Disburse(project, source, 1_234.56m, voucher);
        await Post($"/api/projects/{project}/disbursements", FundDriver.Payment(source, 10m, voucher), 409, Funds.Finance);

        const string route = "/api/projects/{id}/disbursements";
        Assert.Contains(measured, m => m.Instrument == "funds.commands" && Equals(m.Tags["route"], route) && Equals(m.Tags["outcome"], "ok"));
        var refused = Assert.Single(measured, m => m.Instrument == "funds.commands" && Equals(m.Tags["route"], route) && !Equals(m.Tags["outcome"], "ok")
                                                   && measured.Any(r => r.Instrument == "funds.rule_violations" && Equals(r.Tags["rule"], m.Tags["outcome"])));
        Assert.Equal("voucher-already-used", refused.Tags["outcome"]);
        Assert.Contains(measured, m => m.Instrument == "funds.disbursed" && m.Value == 1_234.56 && Equals(m.Tags["county"], FundsApp.County));
        Assert.Contains(measured, m => m.Instrument == "funds.commands" && Equals(m.Tags["command"], "RegisterProject") && Equals(m.Tags["outcome"], "ok"));
    }

    [Fact]
    public async Task projection_lag_is_sampled_per_read_model()
    {
        // Progress rows exist once the daemon has projected something: make sure it has, whatever ran before.
        await Funds.FundedProject(Projects(UniqueName("官店镇")));
        await Projected();
        var sample = await ProjectionLagMonitor.SampleAsync(App.Store, TestContext.Current.CancellationToken);
        Assert.NotEmpty(sample);
        Assert.All(sample, m => Assert.True(m.Value >= 0));
        Assert.Contains(sample, m => m.Tags.ToArray().Any(t => t.Key == "projection" && t.Value is string name && name.Length > 0));
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags) d[t.Key] = t.Value;
        return d;
    }
}
