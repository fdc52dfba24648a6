using System.Reflection;
using System.Text.Json;
using JasperFx.Events;

namespace Funds.Api.Audit;

/// <summary>One event as an auditor reads it.</summary>
public sealed record HistoryEntry(
    long Sequence, long Version, Guid StreamId, string Type, object Data, DateOnly? BusinessDate, DateTimeOffset? RecordedAt,
    DateTimeOffset StoredAt, Actor? Actor, string? CorrelationId, string? CausationId, string? ClientCorrelationId);
