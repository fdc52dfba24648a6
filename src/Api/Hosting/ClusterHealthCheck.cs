using Microsoft.Extensions.Diagnostics.HealthChecks;
using Wolverine.Runtime;

namespace Funds.Api.Hosting;

/// <summary>This node's place in the cluster: its Wolverine node number and the agents (asynchronous
/// projections, deadline escalation) running here.</summary>
public sealed class ClusterHealthCheck(IWolverineRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var agents = runtime.Agents.AllRunningAgentUris().Select(u => u.ToString()).Order().ToArray();
        var data = new Dictionary<string, object>
        {
            ["mode"] = runtime.Options.Durability.Mode.ToString(),
            ["node"] = runtime.Options.Durability.AssignedNodeNumber,
            ["agents"] = agents,
        };
        return Task.FromResult(HealthCheckResult.Healthy($"Node {runtime.Options.Durability.AssignedNodeNumber} runs {agents.Length} agent(s).", data));
    }
}
