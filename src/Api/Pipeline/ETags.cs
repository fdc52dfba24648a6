namespace Funds.Api.Pipeline;

/// <summary>Stream versions as HTTP entity tags: a read returns <c>ETag: "7"</c>; a command sent with
/// <c>If-Match: "7"</c> runs only if the stream is still at version 7 (else 412, nothing appended).</summary>
public static class ETags
{
    public static string Format(long version) => $"\"{version}\"";

    /// <summary>The version demanded by If-Match, or null when the header is absent or "*".</summary>
    public static long? ExpectedVersion(HttpContext http)
    {
        var header = http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        var value = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        value = value.Trim('"');
        if (long.TryParse(value, out var version) && version >= 0) return version;
        throw InvalidCommand.Field("If-Match", $"must be an entity tag returned by this API, such as \"3\"; got {header}.");
    }
}
