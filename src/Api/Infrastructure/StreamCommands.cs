using System.Text.Json;
using Funds.Domain.Common;
using JasperFx;
using Marten;

using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Funds.Api.Infrastructure;

/// <summary>
/// The HTTP side of every command on an event stream, so endpoints stay one-line calls into Domain:
/// replays an Idempotency-Key's first answer; checks If-Match against the stream version (412);
/// fetches the aggregate for writing (404 if the stream does not exist); appends what the Domain
/// decided; and saves events and idempotency record in one transaction. Marten's optimistic check
/// at commit turns a concurrent writer into 409 (or 412 under If-Match), never a lost event.
/// </summary>
public static class StreamCommands
{
    public static async Task<IResult> StartAsync<T>(
        HttpContext http, IDocumentSession session, Guid id, object command, object startEvent, T state, long version, string location)
        where T : class
    {
        var ct = http.RequestAborted;
        var key = Idempotency.KeyOf(http);
        var hash = Idempotency.Hash(command);
        if (await Idempotency.TryReplayAsync(session, key, hash, ct) is { } replay) return replay;

        session.Events.StartStream<T>(id, startEvent);
        return await SaveAsync(http, session, key, hash, state, version, StatusCodes.Status201Created, location, expected: null);
    }

    public static async Task<IResult> AppendAsync<T>(
        HttpContext http, IDocumentSession session, Guid id, object command,
        Func<T, object[]> decide, Func<T, IEnumerable<object>, T> fold, string notFound)
        where T : class
    {
        var ct = http.RequestAborted;
        var key = Idempotency.KeyOf(http);
        var hash = Idempotency.Hash(new { id, command });
        if (await Idempotency.TryReplayAsync(session, key, hash, ct) is { } replay) return replay;

        var expected = ETags.ExpectedVersion(http);
        var stream = await session.Events.FetchForWriting<T>(id, ct);
        if (stream.Aggregate is null)
            throw new RuleViolation("not-found", notFound, RejectionKind.NotFound);
        var current = stream.CurrentVersion ?? 0;
        if (expected is not null && expected != current)
            throw new PreconditionFailed($"If-Match asked for version {expected}, but the record is at version {current}. Read it again and retry.");

        var events = decide(stream.Aggregate);
        stream.AppendMany(events);
        var after = fold(stream.Aggregate, events);
        return await SaveAsync(http, session, key, hash, after, current + events.Length, StatusCodes.Status200OK, null, expected);
    }

    private static async Task<IResult> SaveAsync<T>(
        HttpContext http, IDocumentSession session, string? key, string hash, T body, long version, int status, string? location, long? expected)
    {
        var json = JsonSerializer.Serialize(body, http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions);
        var etag = ETags.Format(version);
        if (key is not null)
        {
            session.Insert(new IdempotentResponse
            {
                Id = key, RequestHash = hash, StatusCode = status, Body = json, ETag = etag, Location = location,
                RecordedAt = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
            });
        }

        try
        {
            await session.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is ConcurrencyException or DocumentAlreadyExistsException
                                   || e.InnerException is ConcurrencyException or DocumentAlreadyExistsException)
        {
            // Someone else wrote first. If it was the same idempotent request, answer as it was answered.
            if (key is not null)
            {
                await using var query = session.DocumentStore.QuerySession();
                if (await Idempotency.TryReplayAsync(query, key, hash, CancellationToken.None) is { } replay) return replay;
            }
            if (expected is not null)
                throw new PreconditionFailed("The record changed while this command ran; read it again and retry.");
            throw new ConcurrentModification("The record changed while this command ran; read it again and retry.");
        }

        return new JsonBody(json, status, etag, location);
    }

    private sealed class JsonBody(string json, int status, string etag, string? location) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.Headers.ETag = etag;
            if (location is not null) http.Response.Headers.Location = location;
            await http.Response.WriteAsync(json);
        }
    }
}
