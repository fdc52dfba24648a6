namespace Funds.Domain.Common;

/// <summary>Every event says who recorded it (from the token) and when (from the injected clock).</summary>
public interface IRecordedEvent
{
    Actor By { get; }
    DateTimeOffset RecordedAt { get; }
}
