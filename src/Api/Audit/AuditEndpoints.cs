using Funds.Api.FundSources;
using Funds.Api.Infrastructure;
using Funds.Api.Projects;
using Funds.Domain.Common;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Audit;

public sealed record DigestCheck(long UpToSequence, string? Root);

public sealed record DigestVerdict(bool Matches, Digest Recomputed);

public static class AuditEndpoints
{
    /// <summary>A project's full history: every event with its sequence, version, type, data, business
    /// date, recorded time, time stored, actor and correlation and causation ids. Paged.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/projects/{id}/history", OperationId = "GetProjectHistory")]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static Task<HistoryPage> ProjectHistory(Guid id, IQuerySession session, HttpContext http, int page = 1, int pageSize = 100)
        => History.OfStreamAsync(session, id, page, pageSize, ProjectFold.NotFound(id), http.RequestAborted);

    /// <summary>A fund source's full history (receipts, allocations, reductions, draws). Paged.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/fund-sources/{id}/history", OperationId = "GetFundSourceHistory")]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static Task<HistoryPage> FundSourceHistory(Guid id, IQuerySession session, HttpContext http, int page = 1, int pageSize = 100)
        => History.OfStreamAsync(session, id, page, pageSize, FundSourceCommands.NotFound(id), http.RequestAborted);

    /// <summary>Events across all streams, filtered by time stored (from, to), actor subject and event
    /// type (e.g. funds_disbursed), in sequence order. Paged.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/audit/events", OperationId = "GetAuditEvents")]
    [ProducesResponseType<HistoryPage>(StatusCodes.Status200OK)]
    public static async Task<HistoryPage> Events(IQuerySession session, HttpContext http,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? actor = null, string? type = null, int page = 1, int pageSize = 100)
    {
        History.Paging(page, pageSize);
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        if (from is { } f) query = query.Where(e => e.Timestamp >= f);
        if (to is { } t) query = query.Where(e => e.Timestamp <= t);
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(e => e.UserName == actor);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(e => e.EventTypeName == type);
        var total = await query.LongCountAsync(http.RequestAborted);
        var items = await query.OrderBy(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(http.RequestAborted);
        return new HistoryPage(items.Select(History.Entry).ToList(), page, pageSize, total);
    }

    /// <summary>Verifies one project's hash chain and names the first event that no longer matches.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/projects/{id}/integrity", OperationId = "VerifyProjectIntegrity")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    public static Task<IntegrityReport> ProjectIntegrity(Guid id, IDocumentStore store, HttpContext http) => Stream(id, store, http, ProjectFold.NotFound(id));

    /// <summary>Verifies one fund source's hash chain.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/fund-sources/{id}/integrity", OperationId = "VerifyFundSourceIntegrity")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    public static Task<IntegrityReport> FundSourceIntegrity(Guid id, IDocumentStore store, HttpContext http) => Stream(id, store, http, FundSourceCommands.NotFound(id));

    /// <summary>Verifies every stream's hash chain (also: <c>dotnet run --project src/Api -- verify-integrity</c>).</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/audit/integrity", OperationId = "VerifyAllIntegrity")]
    [ProducesResponseType<IntegrityReport>(StatusCodes.Status200OK)]
    public static Task<IntegrityReport> AllIntegrity(IDocumentStore store, HttpContext http) => EventChain.VerifyAllAsync(store, http.RequestAborted);

    /// <summary>A digest of the whole store up to a sequence: a Merkle root over every stream's head hash,
    /// recomputed from the stored events. Keep it; later, verify the store against it.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverineGet("/api/audit/digest", OperationId = "GetDigest")]
    [ProducesResponseType<Digest>(StatusCodes.Status200OK)]
    public static Task<Digest> GetDigest(IDocumentStore store, TimeProvider clock, HttpContext http, long? upToSequence = null)
        => EventChain.DigestAsync(store, upToSequence, clock.GetUtcNow(), http.RequestAborted);

    /// <summary>Checks the store against a digest kept earlier: recomputes the root up to its sequence.</summary>
    [Authorize(Policy = Policies.Audit)]
    [WolverinePost("/api/audit/digest/verify", OperationId = "VerifyDigest")]
    [ProducesResponseType<DigestVerdict>(StatusCodes.Status200OK)]
    public static async Task<DigestVerdict> VerifyDigest(DigestCheck body, IDocumentStore store, TimeProvider clock, HttpContext http)
    {
        new FieldErrors().When(body.UpToSequence < 0, "upToSequence", "must be 0 or more.").Text("root", body.Root, 64).ThrowIfAny();
        var digest = await EventChain.DigestAsync(store, body.UpToSequence, clock.GetUtcNow(), http.RequestAborted);
        return new DigestVerdict(string.Equals(digest.Root, body.Root, StringComparison.OrdinalIgnoreCase), digest);
    }

    private static async Task<IntegrityReport> Stream(Guid id, IDocumentStore store, HttpContext http, string notFound)
    {
        var report = await EventChain.VerifyStreamAsync(store, id, http.RequestAborted);
        if (report.EventsChecked == 0) throw new RuleViolation("not-found", notFound, RejectionKind.NotFound);
        return report;
    }
}
