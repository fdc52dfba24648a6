namespace Funds.IntegrationTests.Fuzzing;

/// <summary>One generated request: who sends it (a role, "none" or "garbage"), what, and with which body and
/// content type. Printed as it would be typed with curl, so a shrunk failure can be replayed as a named test.</summary>
public sealed record FuzzCase(string Method, string Route, string Url, string Caller, string? ContentType, string? Body)
{
    /// <summary>Asks for CSV (Accept: text/csv) where a route offers it.</summary>
    public bool Csv { get; init; }

    /// <summary>Idempotency-Key and If-Match as the OpenAPI document offers them (null: not sent). Keys come from a
    /// small set, so that some requests repeat an earlier key with another body.</summary>
    public string? IdempotencyKey { get; init; }
    public string? IfMatch { get; init; }

    /// <summary>The body's bytes with an invalid UTF-8 sequence spliced in.</summary>
    public bool BrokenUtf8 { get; init; }

    public override string ToString()
        => $"{Method} {Url} as {Caller}" + (Csv ? " accepting text/csv" : "") + (IdempotencyKey is null ? "" : $" Idempotency-Key: {IdempotencyKey}")
           + (IfMatch is null ? "" : $" If-Match: {IfMatch}") + (BrokenUtf8 ? " (invalid UTF-8)" : "") + (Body is null && ContentType is null ? "" : $" [{ContentType ?? "no content type"}] {Truncate(Body)}");

    private static string Truncate(string? body) => body is null ? "(no body)" : body.Length > 400 ? body[..400] + $"… ({body.Length} chars)" : body;
}
