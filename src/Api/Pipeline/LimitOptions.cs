namespace Funds.Api.Pipeline;

/// <summary>What one caller can make the server do (<c>Funds:Limits</c>). A caller is the token's subject in its
/// county, or the client's IP address without a token. Defaults are generous: the test suite, the demo and the
/// benchmarks (about 1,000 requests/s from 16 clients with one token) never reach them.</summary>
public sealed class LimitOptions
{
    /// <summary>Off: no rate or concurrency limit at all (export caps still hold).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Requests per second a caller may send on average, to any /api route.</summary>
    public int RequestsPerSecond { get; set; } = 2_000;

    /// <summary>How many requests above the average a caller may send at once (the token bucket's size).</summary>
    public int Burst { get; set; } = 4_000;

    /// <summary>Requests of one caller being served at the same time; more wait in a queue.</summary>
    public int ConcurrentRequests { get; set; } = 64;

    /// <summary>Requests of one caller waiting for a slot; beyond it 429.</summary>
    public int QueuedRequests { get; set; } = 256;

    /// <summary>Expensive reads over a whole county (deadline board and summary, slow money, reconciliation,
    /// integrity, digest, rebuild): per caller per minute on average.</summary>
    public int ExpensivePerMinute { get; set; } = 600;

    /// <summary>Expensive reads a caller may send at once before the per-minute rate applies.</summary>
    public int ExpensiveBurst { get; set; } = 600;

    /// <summary>Expensive reads of one caller served at the same time (more wait, up to <see cref="ExpensiveQueued"/>).</summary>
    public int ExpensiveConcurrent { get; set; } = 4;

    public int ExpensiveQueued { get; set; } = 16;

    /// <summary>Rows in one CSV export; a longer one is refused (422 <c>export-too-large</c>): narrow it by its filters.</summary>
    public int CsvMaxRows { get; set; } = 100_000;
}
