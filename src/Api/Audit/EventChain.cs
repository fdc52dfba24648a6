using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

/// <summary>
/// Tamper evidence. Every event appended to mt_events extends a hash chain per stream, computed by a
/// PostgreSQL trigger (so every write path is covered, whatever code appends):
/// <c>hash(v) = sha256_hex(hash(v-1) | stream_id | version | type | data)</c>, with <c>data</c> in
/// jsonb's canonical text form and hash(0) = "". Actor and recorded time are inside the data. Hashes
/// live in <c>funds_event_hashes</c>. Verification recomputes each chain from the stored events: an
/// event whose data was edited no longer matches its hash; rewriting hashes too breaks the link to the
/// next event, and rewriting a whole chain changes the digest (a Merkle root over all stream heads)
/// an auditor kept earlier.
/// </summary>
public static class EventChain
{
    public const string Algorithm = "per-stream chain: sha256_hex(prev|stream_id|version|type|jsonb data text); " +
                                    "leaf = sha256_hex(stream_id|version|head hash), streams ordered by id; node = sha256_hex(left|right), an odd node is carried up";

    public static string Ddl(string schema) => $"""
        create table if not exists {schema}.funds_event_hashes (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            hash text not null,
            unique (stream_id, version));

        -- Once per statement over its new rows (a COPY of thousands of events is one call): each event's hash
        -- covers the previous hash of its stream, so rows are taken in stream order.
        create or replace function {schema}.funds_chain_events() returns trigger language plpgsql as $fn$
        declare r record; prev text; cur uuid; last_version bigint;
                seqs bigint[] := array[]::bigint[]; streams uuid[] := array[]::uuid[]; versions bigint[] := array[]::bigint[]; hashes text[] := array[]::text[];
        begin
            for r in select n.seq_id, n.stream_id, n.version, n.type, n.data from new_events n order by n.stream_id, n.version loop
                if cur is distinct from r.stream_id or last_version <> r.version - 1 then
                    prev := null;
                    select h.hash into prev from {schema}.funds_event_hashes h where h.stream_id = r.stream_id and h.version = r.version - 1;
                end if;
                prev := encode(sha256(convert_to(coalesce(prev, '') || '|' || r.stream_id::text || '|' || r.version::text || '|' || r.type || '|' || r.data::text, 'UTF8')), 'hex');
                cur := r.stream_id; last_version := r.version;
                seqs := seqs || r.seq_id; streams := streams || r.stream_id; versions := versions || r.version; hashes := hashes || prev;
            end loop;
            insert into {schema}.funds_event_hashes (seq_id, stream_id, version, hash) select * from unnest(seqs, streams, versions, hashes);
            return null;
        end $fn$;

        drop trigger if exists funds_chain_event on {schema}.mt_events;
        drop function if exists {schema}.funds_chain_event();
        drop trigger if exists funds_chain_events on {schema}.mt_events;
        create trigger funds_chain_events after insert on {schema}.mt_events referencing new table as new_events
            for each statement execute function {schema}.funds_chain_events();

        -- Chain events stored before the trigger existed, in stream order.
        do $do$
        declare r record; prev text;
        begin
            for r in select e.seq_id, e.stream_id, e.version, e.type, e.data from {schema}.mt_events e
                     left join {schema}.funds_event_hashes h on h.seq_id = e.seq_id
                     where h.seq_id is null order by e.stream_id, e.version loop
                select h.hash into prev from {schema}.funds_event_hashes h where h.stream_id = r.stream_id and h.version = r.version - 1;
                insert into {schema}.funds_event_hashes (seq_id, stream_id, version, hash)
                values (r.seq_id, r.stream_id, r.version,
                        encode(sha256(convert_to(coalesce(prev, '') || '|' || r.stream_id::text || '|' || r.version::text || '|' || r.type || '|' || r.data::text, 'UTF8')), 'hex'));
            end loop;
        end $do$;
        """;

    public static string Hash(string previous, Guid streamId, long version, string type, string data)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}|{streamId}|{version}|{type}|{data}")));

    public static async Task<IntegrityReport> VerifyStreamAsync(IDocumentStore store, string county, Guid streamId, CancellationToken ct)
    {
        var (report, _) = await ScanAsync(store, county, streamId, long.MaxValue, ct);
        return report;
    }

    public static async Task<IntegrityReport> VerifyAllAsync(IDocumentStore store, string county, CancellationToken ct)
        => (await ScanAsync(store, county, null, long.MaxValue, ct)).Report;

    public static async Task<Digest> DigestAsync(IDocumentStore store, string county, long? upToSequence, DateTimeOffset now, CancellationToken ct)
    {
        var upTo = upToSequence ?? await MaxSequenceAsync(store, county, ct);
        var (report, heads) = await ScanAsync(store, county, null, upTo, ct);
        var level = heads.OrderBy(h => h.Key).Select(h => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{h.Key}|{h.Value.Version}|{h.Value.Hash}")))).ToList();
        if (level.Count == 0) level.Add(Convert.ToHexStringLower(SHA256.HashData([])));
        while (level.Count > 1)
        {
            var next = new List<string>();
            for (var i = 0; i < level.Count; i += 2)
                next.Add(i + 1 < level.Count ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{level[i]}|{level[i + 1]}"))) : level[i]);
            level = next;
        }
        return new Digest(upTo, level[0], heads.Count, report.EventsChecked, now, report.Intact, Algorithm);
    }

    private static async Task<long> MaxSequenceAsync(IDocumentStore store, string county, CancellationToken ct)
    {
        await using var conn = await Open(store, county, ct);
        await using var cmd = new NpgsqlCommand($"select coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events where tenant_id = @tenant", conn);
        cmd.Parameters.AddWithValue("tenant", county);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Recomputes chains from the stored events (one stream, or all) up to a sequence; returns
    /// the first broken link of each stream and each stream's head as recomputed.</summary>
    private static async Task<(IntegrityReport Report, Dictionary<Guid, (long Version, string Hash)> Heads)> ScanAsync(
        IDocumentStore store, string county, Guid? streamId, long upTo, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = await Open(store, county, ct);
        await using var cmd = new NpgsqlCommand($"""
            select e.stream_id, e.version, e.seq_id, e.type, e.data::text, h.hash
            from {schema}.mt_events e left join {schema}.funds_event_hashes h on h.seq_id = e.seq_id
            where e.tenant_id = @tenant and e.seq_id <= @upTo {(streamId is null ? "" : "and e.stream_id = @stream")}
            order by e.stream_id, e.version
            """, conn);
        cmd.Parameters.AddWithValue("upTo", upTo);
        cmd.Parameters.AddWithValue("tenant", county);
        if (streamId is { } s) cmd.Parameters.AddWithValue("stream", s);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        var heads = new Dictionary<Guid, (long, string)>();
        var broken = new List<BrokenLink>();
        Guid current = Guid.Empty;
        var previous = "";
        var currentBroken = false;
        long events = 0;
        while (await reader.ReadAsync(ct))
        {
            events++;
            var stream = reader.GetGuid(0);
            var version = reader.GetInt64(1);
            if (stream != current)
            {
                current = stream;
                previous = "";
                currentBroken = false;
            }
            var expected = Hash(previous, stream, version, reader.GetString(3), reader.GetString(4));
            var stored = reader.IsDBNull(5) ? null : reader.GetString(5);
            if (!currentBroken && stored != expected)
            {
                currentBroken = true;
                broken.Add(new BrokenLink(stream, version, reader.GetInt64(2), reader.GetString(3), stored is null
                    ? "no hash was recorded for this event"
                    : "the event's stored data (or the hash before it) no longer matches the hash recorded when it was appended"));
            }
            previous = expected;
            heads[stream] = (version, expected);
        }
        return (new IntegrityReport(broken.Count == 0, events, heads.Count, broken), heads);
    }

    private static async Task<NpgsqlConnection> Open(IDocumentStore store, string county, CancellationToken ct)
    {
        var conn = (await store.Storage.FindOrCreateDatabase(county)).CreateConnection();
        await conn.OpenAsync(ct);
        return conn;
    }
}
