using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Funds.Api.Telemetry;

/// <summary>The application's own traces and metrics (ActivitySource and Meter "Funds"): commands by route and
/// outcome, rule violations by rule, money disbursed, projection lag per read model, deadline escalations.</summary>
public static class FundsMetrics
{
    public const string Name = "Funds";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Commands answered, tagged <c>route</c> (the route template), <c>command</c> and <c>outcome</c>
    /// (<c>ok</c>, or the problem's rule code).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("funds.commands", "{command}", "Commands answered, by route and outcome.");

    /// <summary>Problem answers, tagged <c>rule</c> and <c>status</c>.</summary>
    public static readonly Counter<long> RuleViolations = Meter.CreateCounter<long>("funds.rule_violations", "{violation}", "Requests refused, by the rule that refused them.");

    /// <summary>Money paid (拨付) in committed FundsDisbursed events, tagged <c>county</c> and <c>kind</c>.</summary>
    public static readonly Counter<double> Disbursed = Meter.CreateCounter<double>("funds.disbursed", "CNY", "Money disbursed to payees.");

    public static readonly Counter<long> Disbursements = Meter.CreateCounter<long>("funds.disbursements", "{payment}", "Disbursements committed.");

    /// <summary>Missed deadlines escalated (DeadlineMissed appended), tagged <c>county</c> and <c>rule</c>.</summary>
    public static readonly Counter<long> Escalations = Meter.CreateCounter<long>("funds.escalations", "{escalation}", "Missed deadlines escalated.");

    /// <summary>Events each asynchronous read model is behind the high-water mark, tagged <c>projection</c>
    /// (and <c>database</c> with a database per county); sampled by <see cref="ProjectionLagMonitor"/>.</summary>
    public static readonly ObservableGauge<long> ProjectionLag = Meter.CreateObservableGauge("funds.projection.lag",
        () => ProjectionLagMonitor.Latest, "{event}", "Events an asynchronous read model is behind the newest event.");
}
