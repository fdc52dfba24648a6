using Funds.Api.Pipeline;
using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using JasperFx.Events;
using Marten;

namespace Funds.Demo;

/// <summary>What a seeding run did: whether it appended the county, and how much.
/// Not seeded (the store already holds projects) means nothing was appended: all counts are 0.</summary>
public sealed record DemoSummary(bool Seeded, int Projects, int FundSources, int Events);

public enum DemoStreamKind { Project = 1, FundSource = 2, Finding = 3, Village = 4, Household = 5 }

/// <summary>One event of the demo county, in the order it was decided; a payment carries its voucher key.</summary>
public sealed record DemoEvent(Guid StreamId, DemoStreamKind Stream, object Data, DateTimeOffset RecordedAt, UniqueKey? Voucher = null, IReadOnlyList<UniqueKey>? Keys = null);

/// <summary>An income distribution the simulation planned for a project: decided per household in <see cref="DemoHouseholds"/>.</summary>
public sealed record DemoIncome(Guid ProjectId, string Period, decimal ToHouseholds, decimal ToCollective, DateOnly On, DateTimeOffset At, Funds.Domain.Common.Actor By);

/// <summary>The whole demo county as events, in recorded-time order.</summary>
public sealed record DemoCountyData(IReadOnlyList<DemoEvent> Events, IReadOnlyList<DemoTownship> Townships, int Projects, int FundSources,
    IReadOnlyList<DemoIncome>? Income = null);

/// <summary>
/// A demo county of a given shape (<see cref="DemoCountyShape"/>): Jianshi County (建始县, Enshi, Hubei) as
/// its 2019 battle plan describes it — ten townships, 92 registered poor villages, 300 infrastructure and
/// industry projects of plan years 2017–2019 — or the industry-heavy Zaozhuang-shaped district; the fund
/// sources the seeds name, with their money received in tranches, allocated, disbursed, settled, reduced
/// and reclaimed, and the deadlines of the 2019 plan met, met late or missed. Every event is decided by the
/// Domain's deciders at its simulated recorded time, so every rule holds. The same county every run.
/// </summary>
public static class DemoCounty
{
    /// <summary>Builds the county in memory: no I/O, identical on every call for the same shape and policies.</summary>
    public static DemoCountyData Build(DemoCountyShape shape, CountyPolicy policy, DeadlinePolicy deadlines)
        => DemoHouseholds.Add(new DemoCountyGenerator(shape, policy, deadlines).Run(), shape, policy);   // + villages, households, links, income, loans

    /// <summary>
    /// Appends the demo county unless the store already holds any registered project (then it does nothing
    /// and says so), so it can run on every start-up. Events go in recorded-time order in about one session
    /// per simulated month, each a short transaction; within a session fund-source streams are written before
    /// project streams, so an allocation never follows the payment drawing on it. Streams are started with
    /// their fixed ids and appended at the versions the simulation reached: a second seeder running at the
    /// same time fails its first session on those ids and reports "not seeded". Run it before the deadline
    /// escalation service starts (it escalates these projects itself, as of each simulated night).
    /// Each event carries the metadata the API stamps (user name = actor subject, role and scope headers),
    /// with correlation id "demo-county".
    /// </summary>
    public static async Task<DemoSummary> SeedAsync(IDocumentStore store, DemoCountyShape shape, CountyPolicy policy, DeadlinePolicy deadlines, CancellationToken ct = default)
    {
        if (await HasProjectsAsync(store, shape.Code, ct)) return new DemoSummary(false, 0, 0, 0);

        var county = Build(shape, policy, deadlines);
        var versions = new Dictionary<Guid, long>();
        var first = true;
        foreach (var batch in Batches(county.Events))
        {
            await using var session = store.LightweightSession(shape.Code);
            foreach (var stream in batch.GroupBy(e => e.StreamId).OrderBy(g => g.First().Stream == DemoStreamKind.FundSource ? 0 : 1))
            {
                var events = stream.Select(e => Stamped(session, e, shape)).ToArray();
                if (versions.TryGetValue(stream.Key, out var version))
                    session.Events.Append(stream.Key, version + events.Length, events);
                else if (stream.First().Stream == DemoStreamKind.Project)
                    session.Events.StartStream<Project>(stream.Key, events);
                else if (stream.First().Stream == DemoStreamKind.Finding)
                    session.Events.StartStream<Funds.Domain.Findings.Finding>(stream.Key, events);
                else if (stream.First().Stream == DemoStreamKind.Village)
                    session.Events.StartStream<Funds.Domain.Villages.Village>(stream.Key, events);
                else if (stream.First().Stream == DemoStreamKind.Household)
                    session.Events.StartStream<Funds.Domain.Households.Household>(stream.Key, events);
                else
                    session.Events.StartStream<FundSource>(stream.Key, events);
                versions[stream.Key] = version + events.Length;
            }
            foreach (var voucher in batch.Where(e => e.Voucher is not null)) session.Insert(voucher.Voucher!);
            foreach (var key in batch.SelectMany(e => e.Keys ?? [])) session.Insert(key);

            try
            {
                await session.SaveChangesAsync(ct);
            }
            catch (Exception) when (first)
            {
                // another seeder got there first: the streams with these fixed ids are its
                if (await StreamExistsAsync(store, shape.Code, batch[0].StreamId)) return new DemoSummary(false, 0, 0, 0);
                throw;
            }
            first = false;
        }
        return new DemoSummary(true, county.Projects, county.FundSources, county.Events.Count);
    }

    public const string CorrelationId = "demo-county";

    /// <summary>The metadata the API stamps on every event (see Correlation.Stamp): the actor's subject as user
    /// name, role and scope headers; correlation and causation name the demo seeding.</summary>
    private static IEvent Stamped(IDocumentSession session, DemoEvent e, DemoCountyShape shape)
    {
        var by = ((IRecordedEvent)e.Data).By;
        var wrapped = session.Events.BuildEvent(e.Data);
        wrapped.UserName = by.Subject;
        wrapped.CorrelationId = CorrelationId;
        wrapped.CausationId = $"demo-county-seed#{shape.Seed}";
        wrapped.SetHeader("role", by.Role);
        if (by.Scope is not null) wrapped.SetHeader("scope", by.Scope);
        return wrapped;
    }

    private static async Task<bool> HasProjectsAsync(IDocumentStore store, string county, CancellationToken ct)
    {
        await using var query = store.QuerySession(county);
        return await query.Events.QueryRawEventDataOnly<ProjectRegistered>().AnyAsync(ct);
    }

    private static async Task<bool> StreamExistsAsync(IDocumentStore store, string county, Guid id)
    {
        await using var query = store.QuerySession(county);
        return await query.Events.FetchStreamStateAsync(id) is not null;
    }

    /// <summary>Consecutive events of one simulated month (China time) per batch.</summary>
    private static IEnumerable<List<DemoEvent>> Batches(IReadOnlyList<DemoEvent> events)
    {
        var batch = new List<DemoEvent>();
        var month = -1;
        foreach (var e in events)
        {
            var at = e.RecordedAt.ToOffset(ChinaTime.Offset);
            var m = at.Year * 12 + at.Month;
            if (m != month && batch.Count > 0)
            {
                yield return batch;
                batch = [];
            }
            month = m;
            batch.Add(e);
        }
        if (batch.Count > 0) yield return batch;
    }
}
