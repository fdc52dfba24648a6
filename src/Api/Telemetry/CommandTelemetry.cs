using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Telemetry;

/// <summary>Wraps every command endpoint (a request type in the permissions table) in a <c>command …</c> span
/// under the HTTP span, and counts it by route and outcome. The outcome is the rule code of the problem
/// answer: of the exception on its way to <see cref="ProblemMapping"/>, or as <see cref="Problem"/> takes it from a
/// problem written inside the endpoint.</summary>
public static class CommandTelemetry
{
    private const string RuleKey = "funds.rule";

    public static IApplicationBuilder UseCommandTelemetry(this IApplicationBuilder app)
    {
        GC.KeepAlive(MartenSpans);
        return app.Use(Measure);
    }

    private static async Task Measure(HttpContext http, RequestDelegate next)
    {
        var chain = http.GetEndpoint()?.Metadata.GetMetadata<HttpChain>();
        var command = chain?.RequestType is { } type && Permissions.Commands.ContainsKey(type) ? type.Name : null;
        if (command is null)
        {
            await next(http);
            return;
        }
        var route = chain!.RoutePattern?.RawText ?? http.Request.Path.Value ?? "";
        using var activity = FundsMetrics.Source.StartActivity("command " + command);
        activity?.SetTag("funds.command", command);
        activity?.SetTag("http.route", route);
        string? failed = null;
        var sessionSpans = activity is null ? null : OpenSessionSpans.Value = [];
        try
        {
            await next(http);
        }
        catch (Exception e)
        {
            // the problem answer is written further out (UseExceptionHandler), after this span ends
            failed = ProblemMapping.Map(e).Extensions.TryGetValue("rule", out var r) && r is string code ? code : "error";
            throw;
        }
        finally
        {
            if (sessionSpans is not null) EndSessionSpans(sessionSpans);
            var rule = failed ?? http.Items[RuleKey] as string;
            var outcome = rule ?? (http.Response.StatusCode < 400 ? "ok" : http.Response.StatusCode.ToString());
            activity?.SetTag("funds.outcome", outcome);
            if (rule is not null) activity?.SetStatus(ActivityStatusCode.Error, rule);
            FundsMetrics.Commands.Add(1, new("route", route), new("command", command), new("outcome", outcome));
        }
    }

    /// <summary>Called for every problem answer (ProblemDetails customization): counts the rule and tells the
    /// command span its outcome.</summary>
    public static void Problem(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Extensions.TryGetValue("rule", out var value) && value is string rule)
        {
            context.HttpContext.Items[RuleKey] = rule;
            FundsMetrics.RuleViolations.Add(1, new("rule", rule), new("status", context.ProblemDetails.Status ?? 0));
        }
    }

    private static readonly AsyncLocal<List<Activity>?> OpenSessionSpans = new();

    /// <summary>Marten's <c>marten.connection</c> span of a session that begins a transaction (every locked write)
    /// is never stopped by Marten 9.58: its connection lifetime is swapped for the transaction's without being
    /// disposed. Those spans are collected under their command span and ended with it, so they are exported and
    /// the PostgreSQL spans beneath them keep their parent.</summary>
    private static readonly ActivityListener MartenSpans = Listen();

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Marten",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            ActivityStarted = span =>
            {
                if (OpenSessionSpans.Value is { } spans)
                    lock (spans) spans.Add(span);
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private static void EndSessionSpans(List<Activity> spans)
    {
        var current = Activity.Current;
        lock (spans)
            foreach (var span in spans.Where(s => !s.IsStopped)) span.Stop();
        Activity.Current = current;
    }
}
