using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Funds.Domain.Projects;
using Funds.Projections.Funds;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Npgsql;
using System.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Admin;

public sealed record Difference(string Model, string Key, string Field, decimal FromEvents, decimal InModel);

public sealed record ReconciliationResult(bool Consistent, long EventsRead, int FundSources, int Projects, int Payees, decimal Received, decimal Allocated, decimal Disbursed, IReadOnlyList<Difference> Differences);

/// <summary>Recomputes every money total straight from the events and compares it, to the fen, with
/// each read model: fund sources (write model and ledger), project totals and trails, payee ledgers
/// and the report table. Also checks that every payment has exactly one matching draw on its allocation.
/// Everything is read in one repeatable-read transaction, and each asynchronous read model is compared
/// with the events up to the sequence it has processed in that snapshot, so writes going on meanwhile
/// cannot produce false differences.</summary>
public static class Reconciliation
{
    [Authorize(Policy = Policies.Admin)]
    [WolverinePost("/api/admin/reconciliation", OperationId = "Reconcile")]
    [ProducesResponseType<ReconciliationResult>(StatusCodes.Status200OK)]
    public static async Task<ReconciliationResult> Post(IDocumentStore store, HttpContext http)
    {
        await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        return await RunAsync(store, http.RequestAborted);
    }

    public static async Task<ReconciliationResult> RunAsync(IDocumentStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession(IsolationLevel.RepeatableRead);
        await session.BeginTransactionAsync(ct);
        var progress = await ProjectionProgress.ReadAsync(store, session.Connection, ct);
        long Progress(string shard) => progress.FirstOrDefault(p => p.Key.Contains(shard + ":") || p.Key.Contains(shard + "Projection:")).Value;

        var all = new Totals(long.MaxValue);
        var trailTotals = new Totals(Progress("ProjectFunding"));
        var ledgerTotals = new Totals(Progress("FundSourceLedger"));
        var payeeTotals = new Totals(Progress("PayeeLedger"));
        var movementTotals = new Totals(Progress("FundMovement"));
        Totals[] folds = [all, trailTotals, ledgerTotals, payeeTotals, movementTotals];
        await foreach (var e in session.Events.QueryAllRawEvents().OrderBy(x => x.Sequence).ToAsyncEnumerable(ct))
            foreach (var fold in folds)
                fold.Apply(e);

        var diffs = new List<Difference>();
        void Check(string model, string key, string field, decimal expected, decimal? actual)
        {
            if (expected != (actual ?? 0m)) diffs.Add(new Difference(model, key, field, expected, actual ?? 0m));
        }

        foreach (var (id, amount) in all.Payments)
            Check("AllocationDrawn", id.ToString(), "amount", amount, all.Draws.TryGetValue(id, out var d) ? d : null);
        foreach (var id in all.Draws.Keys.Except(all.Payments.Keys))
            Check("FundsDisbursed", id.ToString(), "amount", all.Draws[id], null);

        var sources = (await session.Query<FundSource>().ToListAsync(ct)).ToDictionary(s => s.Id);
        foreach (var id in all.Received.Keys)
        {
            sources.TryGetValue(id, out var s);
            Check("FundSource", id.ToString(), "received", all.Received[id], s?.Received);
            Check("FundSource", id.ToString(), "allocated", all.Allocated.GetValueOrDefault(id), s?.Allocated);
            Check("FundSource", id.ToString(), "drawn", all.DrawnBySource.GetValueOrDefault(id), s?.Drawn);
            Check("FundSource", id.ToString(), "drawn = paid", all.PaidBySource.GetValueOrDefault(id), s?.Drawn);
        }

        var ledgers = (await session.Query<FundSourceLedger>().ToListAsync(ct)).ToDictionary(s => s.Id);
        foreach (var id in ledgerTotals.Received.Keys)
        {
            ledgers.TryGetValue(id, out var l);
            Check("FundSourceLedger", id.ToString(), "received", ledgerTotals.Received[id], l?.Received);
            Check("FundSourceLedger", id.ToString(), "allocated", ledgerTotals.Allocated.GetValueOrDefault(id), l?.Allocated);
            Check("FundSourceLedger", id.ToString(), "disbursed", ledgerTotals.PaidBySource.GetValueOrDefault(id), l?.Disbursed);
        }

        var projects = (await session.Query<Project>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var id in all.PaidToProject.Keys)
            Check("Project", id.ToString(), "disbursed", all.PaidToProject[id], projects.GetValueOrDefault(id)?.Disbursed);

        var trails = (await session.Query<ProjectFunding>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var id in trailTotals.AllocatedToProject.Keys.Union(trailTotals.PaidToProject.Keys))
        {
            trails.TryGetValue(id, out var t);
            Check("ProjectFunding", id.ToString(), "allocated", trailTotals.AllocatedToProject.GetValueOrDefault(id), t?.Allocated);
            Check("ProjectFunding", id.ToString(), "disbursed", trailTotals.PaidToProject.GetValueOrDefault(id), t?.Disbursed);
            Check("ProjectFunding", id.ToString(), "disbursed (lines)", trailTotals.PaidToProject.GetValueOrDefault(id),
                t?.Entries.Where(x => x.Type == FundingEntryType.Disbursement).Sum(x => x.Amount));
        }

        var payees = (await session.Query<PayeeLedger>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var (code, amount) in payeeTotals.PaidToPayee)
            Check("PayeeLedger", code, "received", amount, payees.GetValueOrDefault(code)?.Received);

        var movements = await session.Query<FundMovement>().ToListAsync(ct);
        Check("FundMovement", "all", "received", movementTotals.Received.Values.Sum(), movements.Sum(m => m.Received));
        Check("FundMovement", "all", "allocated", movementTotals.Allocated.Values.Sum(), movements.Sum(m => m.Allocated));
        Check("FundMovement", "all", "disbursed", movementTotals.Payments.Values.Sum(), movements.Sum(m => m.Disbursed));

        return new ReconciliationResult(diffs.Count == 0, all.Count, all.Received.Count, all.AllocatedToProject.Keys.Union(all.PaidToProject.Keys).Count(),
            all.PaidToPayee.Count, all.Received.Values.Sum(), all.Allocated.Values.Sum(), all.Payments.Values.Sum(), diffs);
    }

    /// <summary>Money totals folded straight from the raw events up to a sequence number.</summary>
    private sealed class Totals(long upTo)
    {
        public Dictionary<Guid, decimal> Received { get; } = new();
        public Dictionary<Guid, decimal> Allocated { get; } = new();
        public Dictionary<Guid, decimal> PaidBySource { get; } = new();
        public Dictionary<Guid, decimal> DrawnBySource { get; } = new();
        public Dictionary<Guid, decimal> AllocatedToProject { get; } = new();
        public Dictionary<Guid, decimal> PaidToProject { get; } = new();
        public Dictionary<string, decimal> PaidToPayee { get; } = new();
        public Dictionary<Guid, decimal> Payments { get; } = new();
        public Dictionary<Guid, decimal> Draws { get; } = new();
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
                case FundsAllocated a: Add(Allocated, a.FundSourceId, a.Amount); Add(AllocatedToProject, a.Project.ProjectId, a.Amount); break;
                case AllocationReduced r: Add(Allocated, r.FundSourceId, -r.Amount); Add(AllocatedToProject, r.Project.ProjectId, -r.Amount); break;
                case FundsDisbursed d:
                    Add(PaidBySource, d.Source.FundSourceId, d.Amount); Add(PaidToProject, d.ProjectId, d.Amount);
                    Add(PaidToPayee, d.Payee.CreditCode, d.Amount); Add(Payments, d.DisbursementId, d.Amount);
                    break;
                case AllocationDrawn d: Add(DrawnBySource, d.FundSourceId, d.Amount); Add(Draws, d.DisbursementId, d.Amount); break;
            }
        }
    }
}
