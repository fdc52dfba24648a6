namespace Funds.IntegrationTests.Fuzzing;

/// <summary>One generated request: who sends it (a role, "none" or "garbage"), what, and with which body and
/// content type. Printed as it would be typed with curl, so a shrunk failure can be replayed as a named test.</summary>
public sealed record FuzzCase(string Method, string Route, string Url, string Caller, string? ContentType, string? Body)
{
    /// <summary>Asks for CSV (Accept: text/csv) where a route offers it.</summary>
    public bool Csv { get; init; }

    public override string ToString()
        => $"{Method} {Url} as {Caller}" + (Csv ? " accepting text/csv" : "") + (Body is null && ContentType is null ? "" : $" [{ContentType ?? "no content type"}] {Truncate(Body)}");

    private static string Truncate(string? body) => body is null ? "(no body)" : body.Length > 400 ? body[..400] + $"… ({body.Length} chars)" : body;
}
