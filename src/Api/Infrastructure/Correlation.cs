using System.Diagnostics;
using Funds.Domain.Common;
using Marten;

namespace Funds.Api.Infrastructure;

/// <summary>Correlation id of a request: taken from the <c>X-Correlation-Id</c> header when the caller
/// sends one (so a chain of calls can be followed), else the trace id; always echoed in the response
/// and stored on every event the request appends, with its causation id (this request) and actor.</summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var sent = http.Request.Headers[Header].ToString();
        var id = sent.Length is > 0 and <= 100 && sent.All(c => c is > ' ' and < (char)127)
            ? sent
            : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        http.Items[Header] = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        await next(http);
    });

    public static string Id(this HttpContext http) => http.Items[Header] as string ?? http.TraceIdentifier;

    /// <summary>Stamps the session so every event it appends carries who, why and in which chain.</summary>
    public static void Stamp(this IDocumentSession session, HttpContext http)
        => session.Stamp(http.Actor(), http.Id(), $"{http.Request.Method} {http.Request.Path}#{http.TraceIdentifier}");

    public static void Stamp(this IDocumentSession session, Actor actor, string correlationId, string causationId)
    {
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        session.LastModifiedBy = actor.Subject;
        session.SetHeader("role", actor.Role);
        if (actor.Scope is not null) session.SetHeader("scope", actor.Scope);
    }
}
