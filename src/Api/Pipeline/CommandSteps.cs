using Funds.Api.Hosting;

namespace Funds.Api.Pipeline;

/// <summary>The steps every command goes through around its pure decision, in this order (placed by
/// <see cref="CommandPolicy"/>): the request says it is JSON; one JSON object is required as its body; the decision context is taken from the token, the
/// clock and the county's policy; the aggregate is loaded and locked (Wolverine); the caller's role and
/// scope are checked against the permissions table; an answered Idempotency-Key is replayed; If-Match is
/// checked; the endpoint decides; the answer (ETag, 201 Location) and its idempotency record are stored
/// with the events in one transaction.</summary>
public static class CommandSteps
{
    /// <summary>Before the body is read: a command is sent as JSON (<c>application/json</c> or a <c>+json</c> type),
    /// never without a content type.</summary>
    public static void JsonContent(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
            throw new UnsupportedMediaType($"A command is sent with Content-Type: application/json (this request said {(string.IsNullOrEmpty(http.Request.ContentType) ? "none" : http.Request.ContentType)}).");
    }

    public static void BodyRequired<TCommand>(TCommand? command)
    {
        if (command is null)
            throw new RuleViolation("body-required", "The request body must be a JSON object with the command's fields.", RejectionKind.Invalid);
    }

    public static DecisionContext Decision<TCommand>(HttpContext http, TCommand command) where TCommand : ICommand
    {
        var county = http.County() ?? throw RuleViolation.Forbidden("unknown-county", "The caller acts in no county.");
        var services = http.RequestServices;
        return new DecisionContext(http.Actor(), services.GetRequiredService<TimeProvider>().GetUtcNow(),
            services.GetRequiredService<Counties>().PolicyOf(county), command.LateEntryReason?.Trim() is { Length: > 0 } late ? late : null);
    }

    public static void Stamp(HttpContext http, IDocumentSession session, DecisionContext ctx)
    {
        session.Stamp(http);
        if (ctx.LateEntryReason is { } late) session.SetHeader(LateEntryHeader, late);
    }

    /// <summary>The event header that keeps a late entry's reason (hashed with the event like every stored field).</summary>
    public const string LateEntryHeader = "late-entry-reason";

    public static void Authorize<TCommand>(DecisionContext ctx, TCommand command)
        => Authorization.Authorize(ctx.By, typeof(TCommand), (command as IPlaced)?.Place);

    public static void Authorize<TCommand, TAggregate>(DecisionContext ctx, TCommand command, TAggregate aggregate)
        => Authorization.Authorize(ctx.By, typeof(TCommand), (aggregate as IPlaced)?.Place);

    public static async Task<IResult> ReplayAsync<TCommand>(HttpContext http, IDocumentSession session, TCommand command)
        => await Idempotency.ReplayAsync(http, session, command!) ?? WolverineContinue.Result();

    public static void IfMatch<TAggregate>(HttpContext http, TAggregate aggregate) where TAggregate : IVersioned
    {
        if (ETags.ExpectedVersion(http) is { } expected && expected != aggregate.Version)
            throw new PreconditionFailed($"If-Match asked for version {expected}, but the record is at version {aggregate.Version}. Read it again and retry.");
    }

    public static void Answer<TResponse>(HttpContext http, IDocumentSession session, TResponse response)
    {
        if (response is IVersioned versioned) http.Response.Headers.ETag = ETags.Format(versioned.Version);
        Idempotency.Record(http, session, response!, http.RequestServices.GetRequiredService<TimeProvider>());
    }

    public static void AnswerCreated<TResponse>(HttpContext http, IDocumentSession session, TResponse response) where TResponse : IResource
    {
        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.Headers.Location = response.Location;
        Answer(http, session, response);
    }
}
