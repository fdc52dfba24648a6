using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Funds.Api.Pipeline;

public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    private const string PendingItem = "funds.idempotency";

    /// <summary>How long a stored answer is replayed (<c>Funds:Idempotency:RetentionHours</c>, default 24): a key
    /// sent again later is a new command.</summary>
    public static TimeSpan Retention(IConfiguration configuration)
        => TimeSpan.FromHours(configuration.GetValue("Funds:Idempotency:RetentionHours", 24.0));

    /// <summary>The stored answer for this request's key, if any (a key reused for another request is 422).
    /// Keys belong to one caller acting in one role and scope, on one route; the county is the session's.
    /// Runs after authorization, so a caller never sees an answer it could not have been given.</summary>
    public static async Task<IResult?> ReplayAsync(HttpContext http, IQuerySession session, object command)
    {
        var key = http.Request.Headers[Header].ToString();
        if (key.Length == 0) return null;
        if (key.Length > 200 || key.Any(char.IsControl))
            throw InvalidCommand.Field(Header, "must be at most 200 printable characters.");
        var actor = http.Actor();
        var id = $"{actor.Subject}|{actor.Role}|{actor.Scope}|{http.Request.Method} {http.Request.Path}|{key}";
        var hash = http.RequestServices.GetRequiredService<Households.IdentityProtector>().Fingerprint(JsonSerializer.SerializeToUtf8Bytes(command, command.GetType()));
        var stored = await session.LoadAsync<IdempotentResponse>(id, http.RequestAborted);
        var expired = stored is not null && stored.RecordedAt < http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()
            - Retention(http.RequestServices.GetRequiredService<IConfiguration>());
        http.Items[PendingItem] = (id, hash, expired);
        if (stored is null || expired) return null;
        if (stored.RequestHash != hash)
            throw RuleViolation.Unprocessable("idempotency-key-reused",
                "This Idempotency-Key was already used for a different request; use a new key for a new command.");
        return new JsonAnswer(stored.Body, stored.StatusCode, stored.ETag, stored.Location, Replayed: true);
    }

    /// <summary>Saves the answer about to be sent, in the command's own transaction.</summary>
    public static void Record(HttpContext http, IDocumentSession session, object response, TimeProvider clock)
    {
        if (http.Items[PendingItem] is not (string id, string hash, bool expired)) return;
        // Delete-then-insert: a concurrent retry of the same expired key still fails on the key, not doubles.
        if (expired) session.Delete<IdempotentResponse>(id);
        var json = JsonSerializer.Serialize(response, response.GetType(), http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        session.Insert(new IdempotentResponse
        {
            Id = id, RequestHash = hash, StatusCode = http.Response.StatusCode, Body = json,
            ETag = http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
            Location = http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
            RecordedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>After a concurrent request with the same key saved first (its answer made this one fail), that answer.</summary>
    public static async Task<IResult?> AnsweredMeanwhileAsync(HttpContext http, IDocumentStore store)
    {
        if (http.Items[PendingItem] is not (string id, string hash, bool _) || http.County() is not { } county) return null;
        await using var session = store.QuerySession(county);
        var stored = await session.LoadAsync<IdempotentResponse>(id);
        return stored is not null && stored.RequestHash == hash
            ? new JsonAnswer(stored.Body, stored.StatusCode, stored.ETag, stored.Location, Replayed: true)
            : null;
    }
}
