using System.Diagnostics;

namespace Funds.Api.Pipeline;

/// <summary>Every request has the server's own correlation id (the trace id), returned in
/// <c>X-Correlation-Id</c> and stored on every event it appends with its causation (this request) and actor.
/// A client's own <c>X-Correlation-Id</c> is kept beside it as the event header <c>client-correlation-id</c>,
/// never in its place, so a client cannot make its requests look like part of another chain.</summary>
public static class Correlation
{
    public const string Header = "X-Correlation-Id";
    public const string ClientHeader = "client-correlation-id";

    public static IApplicationBuilder UseCorrelation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var id = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Items[Header] = id;
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        await next(http);
    });

    public static string Id(this HttpContext http) => http.Items[Header] as string ?? http.TraceIdentifier;

    /// <summary>The client's own correlation id, when it sent a printable one of at most 100 characters.</summary>
    public static string? ClientId(this HttpContext http)
    {
        var sent = http.Request.Headers[Header].ToString();
        return sent.Length is > 0 and <= 100 && sent.All(c => c is >= ' ' and < (char)127) ? sent : null;
    }

    /// <summary>Stamps the session so every event it appends carries who, why and in which chain.</summary>
    public static void Stamp(this IDocumentSession session, HttpContext http)
    {
        session.Stamp(http.Actor(), http.Id(), $"{http.Request.Method} {http.Request.Path}#{http.TraceIdentifier}");
        if (http.ClientId() is { } client) session.SetHeader(ClientHeader, client);
    }

    public static void Stamp(this IDocumentSession session, Actor actor, string correlationId, string causationId)
    {
        session.CorrelationId = correlationId;
        session.CausationId = causationId;
        session.LastModifiedBy = actor.Subject;
        session.SetHeader("role", actor.Role);
        if (actor.Scope is not null) session.SetHeader("scope", actor.Scope);
    }
}
