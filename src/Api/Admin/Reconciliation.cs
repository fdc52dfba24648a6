using Funds.Api.Infrastructure;
using Funds.Domain.Funds;
using Funds.Domain.Projects;
using Funds.Projections.Funds;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Admin;

public sealed record Difference(string Model, string Key, string Field, decimal FromEvents, decimal InModel);

public sealed record ReconciliationResult(bool Consistent, long EventsRead, int FundSources, int Projects, int Payees, decimal Received, decimal Allocated, decimal Disbursed, IReadOnlyList<Difference> Differences);

/// <summary>Recomputes every money total straight from the events and compares it, to the fen, with
/// each read model: fund sources (write model and ledger), project totals and trails, payee ledgers
/// and the report table. Also checks that every payment has exactly one matching draw on its allocation.</summary>
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
        await using var session = store.QuerySession();
        var received = new Dictionary<Guid, decimal>();
        var allocated = new Dictionary<Guid, decimal>();
        var paidBySource = new Dictionary<Guid, decimal>();
        var drawnBySource = new Dictionary<Guid, decimal>();
        var allocatedToProject = new Dictionary<Guid, decimal>();
        var paidToProject = new Dictionary<Guid, decimal>();
        var paidToPayee = new Dictionary<string, decimal>();
        var payments = new Dictionary<Guid, decimal>();
        var draws = new Dictionary<Guid, decimal>();
        long count = 0;

        static void Add<TKey>(Dictionary<TKey, decimal> d, TKey k, decimal v) where TKey : notnull => d[k] = d.GetValueOrDefault(k) + v;

        await foreach (var e in session.Events.QueryAllRawEvents().OrderBy(x => x.Sequence).ToAsyncEnumerable(ct))
        {
            count++;
            switch (e.Data)
            {
                case FundSourceRegistered r: Add(received, r.FundSourceId, 0m); break;
                case FundsReceived r: Add(received, r.FundSourceId, r.Amount); break;
                case FundsAllocated a: Add(allocated, a.FundSourceId, a.Amount); Add(allocatedToProject, a.Project.ProjectId, a.Amount); break;
                case AllocationReduced r: Add(allocated, r.FundSourceId, -r.Amount); Add(allocatedToProject, r.Project.ProjectId, -r.Amount); break;
                case FundsDisbursed d:
                    Add(paidBySource, d.Source.FundSourceId, d.Amount); Add(paidToProject, d.ProjectId, d.Amount);
                    Add(paidToPayee, d.Payee.CreditCode, d.Amount); Add(payments, d.DisbursementId, d.Amount);
                    break;
                case AllocationDrawn d: Add(drawnBySource, d.FundSourceId, d.Amount); Add(draws, d.DisbursementId, d.Amount); break;
            }
        }

        var diffs = new List<Difference>();
        void Check(string model, string key, string field, decimal expected, decimal? actual)
        {
            if (expected != (actual ?? 0m)) diffs.Add(new Difference(model, key, field, expected, actual ?? 0m));
        }

        foreach (var (id, amount) in payments)
            Check("AllocationDrawn", id.ToString(), "amount", amount, draws.TryGetValue(id, out var d) ? d : null);
        foreach (var id in draws.Keys.Except(payments.Keys))
            Check("FundsDisbursed", id.ToString(), "amount", draws[id], null);

        var sources = (await session.Query<FundSource>().ToListAsync(ct)).ToDictionary(s => s.Id);
        var ledgers = (await session.Query<FundSourceLedger>().ToListAsync(ct)).ToDictionary(s => s.Id);
        foreach (var id in received.Keys)
        {
            sources.TryGetValue(id, out var s);
            ledgers.TryGetValue(id, out var l);
            Check("FundSource", id.ToString(), "received", received[id], s?.Received);
            Check("FundSource", id.ToString(), "allocated", allocated.GetValueOrDefault(id), s?.Allocated);
            Check("FundSource", id.ToString(), "drawn", drawnBySource.GetValueOrDefault(id), s?.Drawn);
            Check("FundSource", id.ToString(), "drawn = paid", paidBySource.GetValueOrDefault(id), s?.Drawn);
            Check("FundSourceLedger", id.ToString(), "received", received[id], l?.Received);
            Check("FundSourceLedger", id.ToString(), "allocated", allocated.GetValueOrDefault(id), l?.Allocated);
            Check("FundSourceLedger", id.ToString(), "disbursed", paidBySource.GetValueOrDefault(id), l?.Disbursed);
        }

        var projects = (await session.Query<Project>().ToListAsync(ct)).ToDictionary(p => p.Id);
        var trails = (await session.Query<ProjectFunding>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var id in allocatedToProject.Keys.Union(paidToProject.Keys))
        {
            trails.TryGetValue(id, out var t);
            Check("Project", id.ToString(), "disbursed", paidToProject.GetValueOrDefault(id), projects.GetValueOrDefault(id)?.Disbursed);
            Check("ProjectFunding", id.ToString(), "allocated", allocatedToProject.GetValueOrDefault(id), t?.Allocated);
            Check("ProjectFunding", id.ToString(), "disbursed", paidToProject.GetValueOrDefault(id), t?.Disbursed);
            Check("ProjectFunding", id.ToString(), "disbursed (lines)", paidToProject.GetValueOrDefault(id),
                t?.Entries.Where(x => x.Type == FundingEntryType.Disbursement).Sum(x => x.Amount));
        }

        var payees = (await session.Query<PayeeLedger>().ToListAsync(ct)).ToDictionary(p => p.Id);
        foreach (var (code, amount) in paidToPayee)
            Check("PayeeLedger", code, "received", amount, payees.GetValueOrDefault(code)?.Received);

        var movements = await session.Query<FundMovement>().ToListAsync(ct);
        Check("FundMovement", "all", "allocated", allocated.Values.Sum(), movements.Sum(m => m.Allocated));
        Check("FundMovement", "all", "disbursed", payments.Values.Sum(), movements.Sum(m => m.Disbursed));

        return new ReconciliationResult(diffs.Count == 0, count, received.Count, allocatedToProject.Keys.Union(paidToProject.Keys).Count(), paidToPayee.Count,
            received.Values.Sum(), allocated.Values.Sum(), payments.Values.Sum(), diffs);
    }
}
