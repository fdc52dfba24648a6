using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funds.Domain.Common;
using Marten;

namespace Funds.Api.Infrastructure;

/// <summary>The first answer to a command sent with an <c>Idempotency-Key</c>, saved in the same
/// transaction as the events it appended, so a retry gets that answer and appends nothing.</summary>
public sealed record IdempotentResponse
{
    public string Id { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public int StatusCode { get; init; }
    public string Body { get; init; } = "";
    public string? ETag { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}

public static class Idempotency
{
    public const string Header = "Idempotency-Key";

    /// <summary>The stored document id for this request's key (keys are scoped to caller, method and route),
    /// or null when the request carries no key.</summary>
    public static string? KeyOf(HttpContext http)
    {
        var key = http.Request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(key)) return null;
        if (key.Length > 200 || key.Any(char.IsControl))
            throw new InvalidCommand(new Dictionary<string, string[]> { [Header] = ["must be at most 200 printable characters."] });
        var subject = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name ?? "" : "";
        return $"{subject}|{http.Request.Method} {http.Request.Path}|{key}";
    }

    public static string Hash(object command)
        => Convert.ToHexString(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(command, command.GetType())));

    /// <summary>The stored answer for this key, if any; a key reused with a different request is rejected.</summary>
    public static async Task<IResult?> TryReplayAsync(IDocumentStore store, string? key, string requestHash, CancellationToken ct)
    {
        if (key is null) return null;
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<IdempotentResponse>(key, ct);
        if (stored is null) return null;
        if (stored.RequestHash != requestHash)
            throw new RuleViolation("idempotency-key-reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new command.");
        return new JsonAnswer(stored.Body, stored.StatusCode, stored.ETag, stored.Location, Replayed: true);
    }
}

/// <summary>A command's JSON answer with its status, ETag and Location — the same whether it was just
/// decided or replayed from the idempotency store (then marked <c>Idempotent-Replayed: true</c>).</summary>
public sealed record JsonAnswer(string Json, int Status, string? ETag, string? Location, bool Replayed = false) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (ETag is not null) http.Response.Headers.ETag = ETag;
        if (Location is not null) http.Response.Headers.Location = Location;
        if (Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.WriteAsync(Json, Encoding.UTF8);
    }
}
