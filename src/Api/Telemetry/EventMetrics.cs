using Funds.Domain.Projects;
using Marten.Services;

namespace Funds.Api.Telemetry;

/// <summary>Counts what was committed, whichever way it was appended: money disbursed and deadlines escalated.</summary>
public sealed class EventMetrics : DocumentSessionListenerBase
{
    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
        {
            switch (e.Data)
            {
                case FundsDisbursed paid:
                    FundsMetrics.Disbursed.Add((double)paid.Amount, new("county", e.TenantId), new("kind", paid.Kind.ToString()));
                    FundsMetrics.Disbursements.Add(1, new("county", e.TenantId), new("kind", paid.Kind.ToString()));
                    break;
                case DeadlineMissed missed:
                    FundsMetrics.Escalations.Add(1, new("county", e.TenantId), new("rule", missed.RuleId));
                    break;
            }
        }
        return Task.CompletedTask;
    }
}
