using Funds.Api.FundSources;
using Funds.Api.Projects;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Audit;

public static class AuditEndpoints
{
    /// <summary>A project's full history: every event with its sequence, version, type, data, business date,
    /// recorded time, time stored, actor and correlation and causation ids. Paged.</summary>
    [WolverineGet("/api/projects/{id}/history", OperationId = "GetProjectHistory")]
    [Allow(Reads.History)]
    public static Task<HistoryPage> ProjectHistory(Guid id, IQuerySession session, HttpContext http, int page = 1, int pageSize = 100)
        => History.OfStreamAsync(session, id, page, pageSize, ProjectReads.NotFound(id).Message, http.RequestAborted);

    /// <summary>A fund source's full history (receipts, allocations, reductions). Paged.</summary>
    [WolverineGet("/api/fund-sources/{id}/history", OperationId = "GetFundSourceHistory")]
    [Allow(Reads.History)]
    public static Task<HistoryPage> FundSourceHistory(Guid id, IQuerySession session, HttpContext http, int page = 1, int pageSize = 100)
        => History.OfStreamAsync(session, id, page, pageSize, GetFundSourceEndpoint.NotFound(id).Message, http.RequestAborted);

    /// <summary>Events of the county across all streams, filtered by time stored (from, to), actor subject and event
    /// type (e.g. funds_disbursed), in sequence order. Paged.</summary>
    [WolverineGet("/api/audit/events", OperationId = "GetAuditEvents")]
    [Allow(Reads.History)]
    public static async Task<HistoryPage> Events(IQuerySession session, HttpContext http,
        DateTimeOffset? from = null, DateTimeOffset? to = null, string? actor = null, string? type = null, int page = 1, int pageSize = 100)
    {
        History.Paging(page, pageSize);
        IQueryable<IEvent> query = session.Events.QueryAllRawEvents();
        // PostgreSQL's timestamptz takes UTC only: 2019-07-01T08:00+08:00 is the same instant as 00:00Z.
        if (from?.ToUniversalTime() is { } f) query = query.Where(e => e.Timestamp >= f);
        if (to?.ToUniversalTime() is { } t) query = query.Where(e => e.Timestamp <= t);
        if (!string.IsNullOrWhiteSpace(actor)) query = query.Where(e => e.UserName == actor);
        if (!string.IsNullOrWhiteSpace(type)) query = query.Where(e => e.EventTypeName == type);
        var total = await query.LongCountAsync(http.RequestAborted);
        var items = await query.OrderBy(e => e.Sequence).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(http.RequestAborted);
        return new HistoryPage(items.Select(History.Entry).ToList(), page, pageSize, total);
    }

    /// <summary>Verifies one project's hash chain and names the first event that no longer matches.</summary>
    [WolverineGet("/api/projects/{id}/integrity", OperationId = "VerifyProjectIntegrity")]
    [Allow(Reads.History)]
    public static Task<IntegrityReport> ProjectIntegrity(Guid id, IDocumentStore store, IQuerySession session, HttpContext http)
        => Stream(id, store, session.TenantId, http, ProjectReads.NotFound(id));

    /// <summary>Verifies one fund source's hash chain.</summary>
    [WolverineGet("/api/fund-sources/{id}/integrity", OperationId = "VerifyFundSourceIntegrity")]
    [Allow(Reads.History)]
    public static Task<IntegrityReport> FundSourceIntegrity(Guid id, IDocumentStore store, IQuerySession session, HttpContext http)
        => Stream(id, store, session.TenantId, http, GetFundSourceEndpoint.NotFound(id));

    /// <summary>Verifies every stream's hash chain in the county (also: <c>dotnet run --project src/Api -- verify-integrity</c>).</summary>
    [WolverineGet("/api/audit/integrity", OperationId = "VerifyAllIntegrity"), Expensive]
    [Allow(Reads.History)]
    public static Task<IntegrityReport> AllIntegrity(IDocumentStore store, IQuerySession session, HttpContext http)
        => EventChain.VerifyAllAsync(store, session.TenantId, http.RequestAborted);

    /// <summary>A signed digest of the county's store up to a sequence (default: the newest event): the Merkle root over
    /// every stream's head hash, recomputed from the stored events, the heads themselves, the SHA-256 of the event hashes,
    /// the county and the time, signed (ECDSA P-256) with a key the database never sees. Keep it outside the system; later,
    /// an export checked against it with tools/Funds.Verify proves nothing up to its sequence was altered or removed.
    /// 422 <c>digest-signing-not-configured</c> when the server has no signing key.</summary>
    [WolverineGet("/api/audit/digest", OperationId = "GetDigest"), Expensive]
    [Allow(Reads.History)]
    public static Task<SignedDigest> GetDigest(IDocumentStore store, DigestSigner signer, IQuerySession session, TimeProvider clock, HttpContext http,
        long? upToSequence = null)
    {
        if (upToSequence < 0) throw InvalidCommand.Field("upToSequence", "must be 0 or more.");
        return EventChain.SignedDigestAsync(store, signer, session.TenantId, upToSequence, clock.GetUtcNow(), null, http.RequestAborted);
    }

    /// <summary>The public key that verifies signed digests (PEM, SubjectPublicKeyInfo). Keep it with the digests;
    /// its SHA-256 over the DER is the digests' <c>keyId</c>.</summary>
    [WolverineGet("/api/audit/digest/public-key", OperationId = "GetDigestPublicKey")]
    [Allow(Reads.History)]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "application/x-pem-file")]
    public static IResult DigestPublicKey(DigestSigner signer)
    {
        signer.EnsureEnabled();
        return Results.Text(signer.PublicKeyPem, "application/x-pem-file");
    }

    /// <summary>Checks the store against a digest kept earlier: recomputes the root up to its sequence.</summary>
    [WolverinePost("/api/audit/digest/verify", OperationId = "VerifyDigest"), Expensive]
    [Allow(Reads.History)]
    public static async Task<DigestVerdict> VerifyDigest(DigestCheck body, IDocumentStore store, IQuerySession session, TimeProvider clock, HttpContext http)
    {
        if (body is null) throw InvalidCommand.Field("body", "is required.");
        new FieldErrors().When(body.UpToSequence < 0, "upToSequence", "must be 0 or more.").Text("root", body.Root, 64).ThrowIfAny();
        var digest = await EventChain.DigestAsync(store, session.TenantId, body.UpToSequence, clock.GetUtcNow(), http.RequestAborted);
        return new DigestVerdict(string.Equals(digest.Root, body.Root, StringComparison.OrdinalIgnoreCase), digest);
    }

    private static async Task<IntegrityReport> Stream(Guid id, IDocumentStore store, string county, HttpContext http, RuleViolation notFound)
    {
        var report = await EventChain.VerifyStreamAsync(store, county, id, http.RequestAborted);
        return report is { EventsChecked: 0, Intact: true } ? throw notFound : report;
    }
}
