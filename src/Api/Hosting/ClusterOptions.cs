using JasperFx.Core;
using Wolverine;

namespace Funds.Api.Hosting;

public enum ClusterMode
{
    /// <summary>One API process per database: it runs every agent itself (the default).</summary>
    Solo = 1,
    /// <summary>Several API processes on one database: Wolverine elects a leader that spreads the agents
    /// (asynchronous projections, deadline escalation) over the live nodes.</summary>
    Balanced = 2,
}

/// <summary>Bound from "Funds:Cluster".</summary>
public sealed record ClusterOptions
{
    public ClusterMode Mode { get; init; } = ClusterMode.Solo;
    /// <summary>How often each node reports that it is alive and the leader checks the others.</summary>
    public int HealthCheckSeconds { get; init; } = 10;
    /// <summary>A node silent for this long is taken as dead and its agents are moved to the others.</summary>
    public int StaleNodeSeconds { get; init; } = 30;

    public void Apply(DurabilitySettings durability)
    {
        durability.Mode = Mode == ClusterMode.Balanced ? DurabilityMode.Balanced : DurabilityMode.Solo;
        if (Mode != ClusterMode.Balanced) return;
        durability.HealthCheckPollingTime = HealthCheckSeconds.Seconds();
        durability.StaleNodeTimeout = StaleNodeSeconds.Seconds();
        durability.CheckAssignmentPeriod = HealthCheckSeconds.Seconds();
    }
}
