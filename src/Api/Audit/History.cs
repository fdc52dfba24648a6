using System.Reflection;
using System.Text.Json;
using JasperFx.Events;

namespace Funds.Api.Audit;

public static class History
{
    public static HistoryEntry Entry(IEvent e)
    {
        var recorded = e.Data as IRecordedEvent;
        return new HistoryEntry(e.Sequence, e.Version, e.StreamId, e.EventTypeName, e.Data, BusinessDate(e.Data), recorded?.RecordedAt,
            e.Timestamp, recorded?.By, e.CorrelationId, e.CausationId, e.GetHeader(Correlation.ClientHeader)?.ToString());
    }

    /// <summary>The business date of an event: its date-valued property named "…On" (ApprovedOn, PaidOn, …).</summary>
    public static DateOnly? BusinessDate(object data)
        => data.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(DateOnly) && p.Name.EndsWith("On", StringComparison.Ordinal))
            .Select(p => (DateOnly?)p.GetValue(data)).FirstOrDefault();

    public static async Task<HistoryPage> OfStreamAsync(IQuerySession session, Guid id, int page, int pageSize, string notFound, CancellationToken ct)
    {
        Paging(page, pageSize);
        var events = await session.Events.FetchStreamAsync(id, token: ct);
        if (events.Count == 0) throw RuleViolation.NotFound(notFound);
        return new HistoryPage(events.Skip((page - 1) * pageSize).Take(pageSize).Select(Entry).ToList(), page, pageSize, events.Count);
    }

    /// <summary>Folds a stream as it stood at a version, or as known at a recorded time (events whose
    /// RecordedAt is later are left out).</summary>
    public static async Task<T?> AsItStoodAsync<T>(IQuerySession session, Guid id, long? version, DateTimeOffset? asOf,
        Func<T?, object, T?> evolve, Func<T, int, T> withVersion, CancellationToken ct) where T : class
    {
        new FieldErrors().When(version is < 1, "version", "must be 1 or more.").ThrowIfAny();
        var events = await session.Events.FetchStreamAsync(id, version ?? 0, token: ct);
        T? state = null;
        var at = 0;
        foreach (var e in events)
        {
            if (asOf is { } t && e.Data is IRecordedEvent r && r.RecordedAt > t) break;
            state = evolve(state, e.Data);
            at = (int)e.Version;
        }
        return state is null ? null : withVersion(state, at);
    }

    public static void Paging(int page, int pageSize)
        => new FieldErrors().Paging(page, pageSize, 1000).ThrowIfAny();
}
