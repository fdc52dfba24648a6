using System.Text.Json;
using Funds.Domain.Common;
using JasperFx;
using JasperFx.Events;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Funds.Api.Infrastructure;

/// <summary>What a command attempt produced: the response body, the version it leaves the main stream at.</summary>
public sealed record CommandOutcome(object Body, long Version, int Status = StatusCodes.Status200OK, string? Location = null);

/// <summary>
/// The HTTP side of every command, so endpoints stay short calls into Domain:
/// <list type="bullet">
/// <item>an Idempotency-Key already answered gets the stored answer, and nothing is appended;</item>
/// <item>If-Match names the version the caller decided on: if the stream moved on, 412;</item>
/// <item>events, idempotency record and any uniqueness records are saved in one transaction;</item>
/// <item>Marten checks at commit that every stream written is still at the version it was read at.
///   A concurrent writer makes that check fail: with If-Match the answer is 412; without it the
///   command is decided again on the fresh state (a few times), so it "runs against the current
///   version" and can never overwrite or lose another writer's events.</item>
/// </list>
/// </summary>
public static class StreamCommands
{
    private const int Attempts = 8;

    public static async Task<IResult> RunAsync(HttpContext http, IDocumentStore store, object command,
        Func<IDocumentSession, long?, Task<CommandOutcome>> attempt)
    {
        var ct = http.RequestAborted;
        var key = Idempotency.KeyOf(http);
        // The request's fingerprint is only needed (and only computed) when the caller sent a key.
        var hash = key is null ? "" : Idempotency.Hash(new { route = http.Request.Path.Value, command });
        var expected = ETags.ExpectedVersion(http);
        if (await Idempotency.TryReplayAsync(store, key, hash, ct) is { } replay) return replay;

        for (var attemptNo = 1; ; attemptNo++)
        {
            await using var session = store.LightweightSession();
            session.Stamp(http);
            CommandOutcome outcome;
            try
            {
                outcome = await attempt(session, expected);
            }
            catch (RuleViolation) when (key is not null)
            {
                // The same request may have just been answered by a concurrent retry (its events now
                // make this one look invalid, e.g. "voucher already used"): answer as it was answered.
                if (await Idempotency.TryReplayAsync(store, key, hash, CancellationToken.None) is { } answered) return answered;
                throw;
            }
            var json = JsonSerializer.Serialize(outcome.Body, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
            var etag = ETags.Format(outcome.Version);
            if (key is not null)
            {
                session.Insert(new IdempotentResponse
                {
                    Id = key, RequestHash = hash, StatusCode = outcome.Status, Body = json, ETag = etag, Location = outcome.Location,
                    RecordedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
                });
            }

            try
            {
                await session.SaveChangesAsync(ct);
                return new JsonAnswer(json, outcome.Status, etag, outcome.Location);
            }
            catch (Exception e) when (e.Chain().FirstOrDefault(x => x is ConcurrencyException or DocumentAlreadyExistsException) is { } conflict)
            {
                if (await Idempotency.TryReplayAsync(store, key, hash, CancellationToken.None) is { } answered) return answered;
                if (conflict is DocumentAlreadyExistsException { DocType: var type, Id: var docId } && type == typeof(UniqueKey))
                    throw UniqueKey.AlreadyUsed(docId.ToString()!);
                if (expected is not null)
                    throw new PreconditionFailed("The record changed while this command ran; read it again and retry.");
                if (attemptNo == Attempts)
                    throw new ConcurrentModification("The record is being changed by others; retry shortly.");
                await Task.Delay(Random.Shared.Next(5, 20 * attemptNo), ct);
            }
        }
    }

    /// <summary>Fetches a stream for writing: 404 when it does not exist, 412 when If-Match names another version.</summary>
    public static async Task<IEventStream<T>> FetchAsync<T>(IDocumentSession session, Guid id, long? expected, string notFound, CancellationToken ct)
        where T : class
    {
        var stream = await session.Events.FetchForWriting<T>(id, ct);
        if (stream.Aggregate is null)
            throw new RuleViolation("not-found", notFound, RejectionKind.NotFound);
        var current = stream.CurrentVersion ?? 0;
        if (expected is not null && expected != current)
            throw new PreconditionFailed($"If-Match asked for version {expected}, but the record is at version {current}. Read it again and retry.");
        return stream;
    }
}
