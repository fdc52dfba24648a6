using Funds.Domain.Projects;
using Marten;

namespace Funds.Projections.Evolution;

/// <summary>Events whose shape changed: each new version is stored under a type name of its own, and the events stored
/// under the old name are read as the new version by an upcaster, so history is never rewritten (docs/evolution.md).</summary>
public static class EventVersions
{
    public static void Register(StoreOptions opts)
    {
        opts.Events.MapEventType<IncomeDistributed>("income_distributed_v2");
        opts.Events.Upcast<IncomeDistributedV1, IncomeDistributed>("income_distributed", v1 => v1.Upcast());
    }
}
