using System.Data;
using Funds.Api.Hosting;
using Funds.Projections.Money;
using JasperFx.Events;
using Marten.Events;

namespace Funds.Api.Admin;

/// <summary>Recomputes every money total of a county straight from its events and compares it, to the fen,
/// with each model that holds one: fund sources (received, allocated per project), projects (paid, per
/// source), and the money trail (per source, project and payee). It also checks that no project was ever
/// paid more from a source than the source allocated to it. Everything is read in one repeatable-read
/// transaction, and the asynchronous trail is compared with the events up to the sequence it has processed
/// in that snapshot, so writes going on meanwhile cannot produce false differences.</summary>
public static class Reconciliation
{
    [WolverinePost("/api/admin/reconciliation", OperationId = "Reconcile"), Expensive]
    [Allow(Reads.Operations)]
    public static async Task<ReconciliationResult> Post(IDocumentStore store, IQuerySession session, HttpContext http)
    {
        await (await store.Storage.FindOrCreateDatabase(session.TenantId)).WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return await RunAsync(store, session.TenantId, http.RequestAborted);
    }

    public static async Task<ReconciliationResult> RunAsync(IDocumentStore store, string county, CancellationToken ct)
    {
        await using var session = store.LightweightSession(county, IsolationLevel.RepeatableRead);
        await session.BeginTransactionAsync(ct);
        var progress = await ProjectionProgress.ReadAsync(store, session.Connection!, ct);
        var current = ProjectionProgress.CurrentShards(store);
        var trailUpTo = progress.FirstOrDefault(p => p.Key.Contains("FundMovement") && current.Contains(p.Key)).Value;

        var all = new Totals(long.MaxValue);
        var trail = new Totals(trailUpTo);
        await foreach (var e in session.Events.QueryAllRawEvents().Where(x => x.TenantId == county).OrderBy(x => x.Sequence).ToAsyncEnumerable(ct))
        {
            all.Apply(e);
            trail.Apply(e);
        }

        var diffs = new List<Difference>();
        void Check(string model, string key, string field, decimal expected, decimal? actual)
        {
            if (expected != (actual ?? 0m)) diffs.Add(new Difference(model, key, field, expected, actual ?? 0m));
        }

        foreach (var ((source, project), paid) in all.PaidFromTo)
            if (paid > all.AllocatedFromTo.GetValueOrDefault((source, project)))
                diffs.Add(new Difference("Allocation", $"{source}→{project}", "paid > allocated", all.AllocatedFromTo.GetValueOrDefault((source, project)), paid));
        foreach (var (id, drawn) in all.LegacyDraws)
            Check("AllocationDrawn", id.ToString(), "amount = payment", drawn, all.Payments.GetValueOrDefault(id));

        var sources = (await session.Query<FundSource>().ToListAsync(ct)).ToDictionary(s => s.Id);
        foreach (var id in all.Received.Keys)
        {
            sources.TryGetValue(id, out var s);
            Check("FundSource", id.ToString(), "received", all.Received[id], s?.Received);
            Check("FundSource", id.ToString(), "allocated", all.Allocated.GetValueOrDefault(id), s?.Allocated);
            Check("FundSource", id.ToString(), "interest subsidies", all.Subsidised.GetValueOrDefault(id), s?.Subsidised);
        }
        foreach (var ((source, project), allocated) in all.AllocatedFromTo)
            Check("FundSource", $"{source}→{project}", "allocated", allocated, sources.GetValueOrDefault(source)?.AllocationFor(project)?.Allocated);

        var projects = (await session.Query<Project>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var (id, paid) in all.PaidToProject)
            Check("Project", id.ToString(), "disbursed", paid, projects.GetValueOrDefault(id)?.Disbursed);
        foreach (var ((source, project), paid) in all.PaidFromTo)
            Check("Project", $"{project}←{source}", "paid from source", paid, projects.GetValueOrDefault(project)?.PaidFrom(source));

        var rows = await session.Query<FundMovement>().ToListAsync(ct);
        foreach (var (id, received) in trail.Received)
            Check("FundMovement", id.ToString(), "received", received, rows.Where(r => r.FundSourceId == id).Sum(r => r.Received));
        foreach (var (id, paid) in trail.PaidBySource)
            Check("FundMovement", id.ToString(), "disbursed from source", paid, rows.Where(r => r.FundSourceId == id).Sum(r => r.Disbursed));
        foreach (var (id, allocated) in trail.AllocatedToProject)
            Check("FundMovement", id.ToString(), "allocated to project", allocated, rows.Where(r => r.ProjectId == id).Sum(r => r.Allocated));
        foreach (var (id, paid) in trail.PaidToProject)
            Check("FundMovement", id.ToString(), "disbursed to project", paid, rows.Where(r => r.ProjectId == id).Sum(r => r.Disbursed));
        foreach (var (code, paid) in trail.PaidToPayee)
            Check("FundMovement", code, "received by payee", paid, rows.Where(r => r.PayeeCreditCode == code).Sum(r => r.Disbursed));
        foreach (var (id, subsidised) in trail.Subsidised)
            Check("FundMovement", id.ToString(), "interest subsidies", subsidised, rows.Where(r => r.FundSourceId == id).Sum(r => r.Subsidised));

        return new ReconciliationResult(county, diffs.Count == 0, all.Count, all.Received.Count, all.AllocatedToProject.Keys.Union(all.PaidToProject.Keys).Count(),
            all.PaidToPayee.Count, all.Received.Values.Sum(), all.Allocated.Values.Sum(), all.Payments.Values.Sum(), diffs);
    }

    /// <summary>Money totals folded straight from the raw events up to a sequence number.</summary>
    private sealed class Totals(long upTo)
    {
        public Dictionary<Guid, decimal> Received { get; } = new();
        public Dictionary<Guid, decimal> Allocated { get; } = new();
        public Dictionary<(Guid Source, Guid Project), decimal> AllocatedFromTo { get; } = new();
        public Dictionary<Guid, decimal> AllocatedToProject { get; } = new();
        public Dictionary<Guid, decimal> PaidBySource { get; } = new();
        public Dictionary<Guid, decimal> PaidToProject { get; } = new();
        public Dictionary<(Guid Source, Guid Project), decimal> PaidFromTo { get; } = new();
        public Dictionary<string, decimal> PaidToPayee { get; } = new();
        public Dictionary<Guid, decimal> Payments { get; } = new();
        public Dictionary<Guid, decimal> LegacyDraws { get; } = new();
        public Dictionary<Guid, decimal> Subsidised { get; } = new();
        public long Count { get; private set; }

        private static void Add<TKey>(Dictionary<TKey, decimal> d, TKey k, decimal v) where TKey : notnull => d[k] = d.GetValueOrDefault(k) + v;

        public void Apply(IEvent e)
        {
            if (e.Sequence > upTo) return;
            Count++;
            switch (e.Data)
            {
                case FundSourceRegistered r: Add(Received, r.FundSourceId, 0m); break;
                case FundsReceived r: Add(Received, r.FundSourceId, r.Amount); break;
                case FundsAllocated a:
                    Add(Allocated, a.FundSourceId, a.Amount); Add(AllocatedToProject, a.Project.ProjectId, a.Amount);
                    Add(AllocatedFromTo, (a.FundSourceId, a.Project.ProjectId), a.Amount);
                    break;
                case AllocationReduced r:
                    Add(Allocated, r.FundSourceId, -r.Amount); Add(AllocatedToProject, r.Project.ProjectId, -r.Amount);
                    Add(AllocatedFromTo, (r.FundSourceId, r.Project.ProjectId), -r.Amount);
                    break;
                case FundsDisbursed d:
                    Add(PaidBySource, d.Source.FundSourceId, d.Amount); Add(PaidToProject, d.ProjectId, d.Amount);
                    Add(PaidFromTo, (d.Source.FundSourceId, d.ProjectId), d.Amount);
                    Add(PaidToPayee, d.Payee.CreditCode, d.Amount); Add(Payments, d.DisbursementId, d.Amount);
                    break;
                case AllocationDrawn d: Add(LegacyDraws, d.DisbursementId, d.Amount); break;
                case InterestSubsidyPaid s: Add(Subsidised, s.FundSourceId, s.Amount); break;
            }
        }
    }
}
