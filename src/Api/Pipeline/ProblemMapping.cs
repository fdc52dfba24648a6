using System.Text.Json;
using JasperFx;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Marten.Exceptions;
using Npgsql;

namespace Funds.Api.Pipeline;

/// <summary>The one place where failures become RFC 9457 problem responses. Every problem carries
/// a stable <c>rule</c> code clients can branch on, and the request's trace id.</summary>
public sealed class ProblemMapping(IProblemDetailsService problems, IHostEnvironment env, IDocumentStore store, ILogger<ProblemMapping> log) : IExceptionHandler
{
    public const string TypeBase = "https://funds.example/problems/";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The same command, sent again with its Idempotency-Key while the first was running, was answered
        // meanwhile (and its events make this one look invalid or duplicate): answer as it was answered.
        if (exception is RuleViolation || exception.Find<DocumentAlreadyExistsException>() is not null)
        {
            if (await Idempotency.AnsweredMeanwhileAsync(http, store) is { } answered)
            {
                await answered.ExecuteAsync(http);
                return true;
            }
        }
        var problem = Map(exception);
        if (problem.Status >= 500)
            log.LogError(exception, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        else if (problem.Extensions.TryGetValue("rule", out var rule) && rule is "concurrent-modification")
            // Expected under load: another writer saved first; the client is told to read again and retry.
            log.LogInformation("{Method} {Path} answered 409 concurrent-modification: {Reason}", http.Request.Method, http.Request.Path, exception.GetType().Name);
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = "5";
        if (env.IsDevelopment() && problem.Status >= 500)
            problem.Extensions["exception"] = exception.ToString();
        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails Map(Exception exception) => exception switch
    {
        InvalidCommand e => Validation(e.Errors),
        RuleViolation e => Rule(e.Kind switch
        {
            RejectionKind.Invalid => 400,
            RejectionKind.NotFound => 404,
            RejectionKind.Forbidden => 403,
            RejectionKind.Conflict => 409,
            _ => 422,
        }, e.Rule, e.Message),
        PreconditionFailed e => Rule(412, "stale-version", e.Message),
        UnsupportedMediaType e => Rule(415, "unsupported-media-type", e.Message),
        _ when exception.Find<DocumentAlreadyExistsException>() is { DocType: var type, Id: var id } && type == typeof(UniqueKey)
            => Map(UniqueKey.AlreadyUsed(id.ToString()!)),
        _ when exception.Find<ExistingStreamIdCollisionException>() is not null || exception.Find<DocumentAlreadyExistsException>() is not null => Rule(409, "concurrent-modification",
            "The same record was created by another request at the same moment; read it and retry if needed."),
        _ when exception.Find<ConcurrencyException>() is not null || exception.Find<PostgresException>() is { SqlState: "40P01" or "40001" } => Rule(409, "concurrent-modification",
            "Another change to the same record was saved first. Read it again and retry."),
        BadHttpRequestException { StatusCode: 413 } => Rule(413, "body-too-large", "The request body is too large."),
        BadHttpRequestException e => Rule(400, "bad-request", e.Message),
        JsonException e => Rule(400, "malformed-json", "The request body is not valid JSON for this operation: " + e.Message),
        _ when exception.Find<PostgresException>() is { SqlState: "22021" or "22P05" or "54000" } => Rule(400, "bad-request",
            "The request contains characters or values the database cannot store (for example a NUL character)."),
        _ when Unavailable(exception) => Rule(503, "database-unavailable",
            "The database is not reachable right now; nothing was saved. Retry shortly."),
        _ => Rule(500, "internal-error", "An unexpected error occurred; nothing was saved."),
    };

    /// <summary>Gives problems written elsewhere (Wolverine's malformed-JSON and query answers, status
    /// code pages) the same shape: our type URI, a <c>rule</c> code and the trace id.</summary>
    public static void Complete(ProblemDetailsContext c)
    {
        var p = c.ProblemDetails;
        if (!p.Extensions.ContainsKey("rule"))
        {
            var rule = p.Status switch
            {
                400 when p.Title?.Contains("JSON", StringComparison.OrdinalIgnoreCase) == true => "malformed-json",
                400 => "bad-request",
                401 => "unauthenticated",
                403 => "forbidden",
                404 => "not-found",
                405 => "method-not-allowed",
                406 => "not-acceptable",
                413 => "body-too-large",
                415 => "unsupported-media-type",
                429 => "too-many-requests",
                _ => "error",
            };
            p.Extensions["rule"] = rule;
            p.Type = TypeBase + rule;
        }
        p.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier);
    }

    /// <summary>The database is down or unreachable (connection refused, reset, timed out, shutting down),
    /// however deep Marten or Npgsql wrapped it. A client may safely retry.</summary>
    private static bool Unavailable(Exception exception) => exception.Chain().Any(e => e switch
    {
        PostgresException pg => pg.SqlState.StartsWith("57P") || pg.SqlState.StartsWith("08") || pg.SqlState == "53300",
        NpgsqlException or System.Net.Sockets.SocketException or TimeoutException => true,
        _ => false,
    });

    public static ProblemDetails Rule(int status, string rule, string detail) => new()
    {
        Status = status,
        Type = TypeBase + rule,
        Title = Titles.GetValueOrDefault(status, "Error"),
        Detail = detail,
        Extensions = { ["rule"] = rule },
    };

    public static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) => new(errors.ToDictionary())
    {
        Status = 400,
        Type = TypeBase + "invalid-request",
        Title = "One or more fields are invalid.",
        Extensions = { ["rule"] = "invalid-request" },
    };

    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "Bad request",
        [401] = "Unauthorized",
        [403] = "Forbidden",
        [404] = "Not found",
        [409] = "Conflict with the current state",
        [412] = "Precondition failed",
        [413] = "Payload too large",
        [415] = "Unsupported media type",
        [422] = "Business rule violated",
        [429] = "Too many requests",
        [500] = "Internal error",
        [503] = "Service unavailable",
    };
}
