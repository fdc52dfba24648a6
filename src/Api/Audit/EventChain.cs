using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Funds.Api.Audit;

/// <summary>
/// Tamper evidence. Every event appended to mt_events extends a hash chain per stream, computed by a
/// PostgreSQL trigger (so every write path is covered, whatever code appends) over every stored column
/// of the row and the previous hash of its stream (<see cref="StoredEvent.Hash"/>). Hashes live in
/// <c>funds_event_hashes</c>; the database refuses to update, delete or truncate events and hashes.
/// Verification recomputes each chain from the stored events and checks each stream's newest event against
/// <c>mt_streams.version</c>. What a database owner can still do — recompute everything — shows against a
/// signed digest kept outside (<see cref="DigestSigner"/>).
/// </summary>
public static class EventChain
{
    public const string Algorithm = "per-stream chain v2: sha256_hex(\"funds-chain/2\" then |field for prev hash, seq_id, id, stream_id, version, type, " +
                                    "tenant_id, timestamp (UTC, yyyy-MM-ddTHH:mm:ss.ffffffZ), jsonb data text, bdata hex, jsonb headers text, correlation_id, " +
                                    "causation_id, user_name, mt_dotnet_type, is_archived (true/false); each field <utf8 byte length>:<text> or - for null); " +
                                    "events hashed before v2 keep v1: sha256_hex(prev|stream_id|version|type|jsonb data text); " +
                                    "leaf = sha256_hex(stream_id|version|head hash), streams ordered by id; node = sha256_hex(left|right), an odd node is carried up";

    /// <summary>Names of the guard triggers that refuse changes to the event, hash and chain-state tables.</summary>
    public const string Guard = "funds_append_only";
    public const string TruncateGuard = "funds_append_only_truncate";

    /// <summary>The first line of the event hashes export; then one line per event, in stream and version order.</summary>
    public const string EventHashesHeader = "sequence,stream_id,version,hash";

    private const string Tombstone = "tombstone";

    private static readonly string[] Guarded = ["mt_events", "funds_event_hashes", "funds_chain_state"];

    private static string HashCall(string r) =>
        $"funds_event_hash(prev, {r}seq_id, {r}id, {r}stream_id, {r}version, {r}type, {r}tenant_id, {r}\"timestamp\", {r}data, {r}bdata, " +
        $"{r}headers, {r}correlation_id, {r}causation_id, {r}user_name, {r}mt_dotnet_type, {r}is_archived)";

    /// <summary>The chain's tables, functions, triggers and guards, and the one-time backfill, in one transaction of its own.</summary>
    public static string Ddl(string schema) => $"""
        begin;
        select pg_advisory_xact_lock(hashtext('{schema}.funds_event_chain'));
        -- Appends lock mt_events, then (in the trigger) the hash table; taking mt_events first keeps that order,
        -- so an append running while a node starts waits instead of deadlocking.
        lock table {schema}.mt_events in access exclusive mode;

        create table if not exists {schema}.funds_event_hashes (
            seq_id bigint primary key,
            stream_id uuid not null,
            version bigint not null,
            hash text not null,
            unique (stream_id, version));
        -- Hashes stored before chain v2 are v1; every later one names its algorithm.
        do $do$ begin
            if not exists (select 1 from information_schema.columns
                           where table_schema = '{schema}' and table_name = 'funds_event_hashes' and column_name = 'algorithm') then
                alter table {schema}.funds_event_hashes add column algorithm smallint not null default 1;
                alter table {schema}.funds_event_hashes alter column algorithm drop default;
            end if;
        end $do$;

        -- One row, written once: when the chain (v2) was installed, up to which sequence v1 hashes may exist,
        -- and how many stored events the one-time backfill chained. Without it, no v1 hash is accepted.
        create table if not exists {schema}.funds_chain_state (
            id boolean primary key default true check (id),
            v1_through_seq bigint not null,
            backfilled bigint not null,
            installed_at timestamptz not null default now());

        -- A field's UTF-8 length: on a UTF8 database its octet length (converting every field costs a third of the trigger's time).
        do $do$ begin
            execute format($f$create or replace function {schema}.funds_chain_field(v text) returns text language sql immutable as
                $b$ select coalesce(octet_length(%s)::text || ':' || v, '-') $b$$f$,
                case when current_setting('server_encoding') = 'UTF8' then 'v' else 'convert_to(v, ''UTF8'')' end);
        end $do$;

        create or replace function {schema}.funds_event_hash(prev text, seq_id bigint, id uuid, stream_id uuid, version bigint, type text,
            tenant_id text, ts timestamptz, data jsonb, bdata bytea, headers jsonb, correlation_id text, causation_id text, user_name text,
            dotnet_type text, is_archived boolean) returns text language sql stable as $f$
            select encode(sha256(convert_to('funds-chain/2'
                || '|' || {schema}.funds_chain_field(prev) || '|' || {schema}.funds_chain_field(seq_id::text)
                || '|' || {schema}.funds_chain_field(id::text) || '|' || {schema}.funds_chain_field(stream_id::text)
                || '|' || {schema}.funds_chain_field(version::text) || '|' || {schema}.funds_chain_field(type)
                || '|' || {schema}.funds_chain_field(tenant_id)
                || '|' || {schema}.funds_chain_field(to_char(ts at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
                || '|' || {schema}.funds_chain_field(data::text) || '|' || {schema}.funds_chain_field(encode(bdata, 'hex'))
                || '|' || {schema}.funds_chain_field(headers::text) || '|' || {schema}.funds_chain_field(correlation_id)
                || '|' || {schema}.funds_chain_field(causation_id) || '|' || {schema}.funds_chain_field(user_name)
                || '|' || {schema}.funds_chain_field(dotnet_type) || '|' || {schema}.funds_chain_field(is_archived::text), 'UTF8')), 'hex')
            $f$;

        -- Once per statement over its new rows (a COPY of thousands of events is one call): each event's hash
        -- covers the previous hash of its stream, so rows are taken in stream order. It runs as the owner
        -- (security definer): a role that may append events needs no right to write hashes.
        create or replace function {schema}.funds_chain_events() returns trigger language plpgsql
            security definer set search_path = pg_catalog, pg_temp as $fn$
        declare r record; prev text; cur uuid; last_version bigint;
                seqs bigint[] := array[]::bigint[]; streams uuid[] := array[]::uuid[]; versions bigint[] := array[]::bigint[]; hashes text[] := array[]::text[];
        begin
            for r in select n.* from new_events n order by n.stream_id, n.version loop
                if cur is distinct from r.stream_id or last_version <> r.version - 1 then
                    prev := null;
                    select h.hash into prev from {schema}.funds_event_hashes h where h.stream_id = r.stream_id and h.version = r.version - 1;
                end if;
                prev := {schema}.{HashCall("r.")};
                cur := r.stream_id; last_version := r.version;
                seqs := seqs || r.seq_id; streams := streams || r.stream_id; versions := versions || r.version; hashes := hashes || prev;
            end loop;
            insert into {schema}.funds_event_hashes (seq_id, stream_id, version, hash, algorithm)
            select u.s, u.st, u.v, u.h, 2 from unnest(seqs, streams, versions, hashes) as u(s, st, v, h);
            return null;
        end $fn$;

        drop trigger if exists funds_chain_events on {schema}.mt_events;
        create trigger funds_chain_events after insert on {schema}.mt_events referencing new table as new_events
            for each statement execute function {schema}.funds_chain_events();

        {string.Concat(Guarded.Select(t => GuardDdl(schema, t)))}

        -- Once, at the first start with chain v2: chain the events stored before any trigger existed. Afterwards an
        -- event without a hash is reported, never quietly chained.
        do $do$
        declare r record; prev text; v1_through bigint; n bigint := 0;
        begin
            if exists (select 1 from {schema}.funds_chain_state) then return; end if;
            select coalesce(max(seq_id), 0) into v1_through from {schema}.funds_event_hashes where algorithm = 1;
            for r in select e.* from {schema}.mt_events e left join {schema}.funds_event_hashes h on h.seq_id = e.seq_id
                     where h.seq_id is null order by e.stream_id, e.version loop
                prev := null;
                select h.hash into prev from {schema}.funds_event_hashes h where h.stream_id = r.stream_id and h.version = r.version - 1;
                insert into {schema}.funds_event_hashes (seq_id, stream_id, version, hash, algorithm)
                values (r.seq_id, r.stream_id, r.version, {schema}.{HashCall("r.")}, 2);
                n := n + 1;
            end loop;
            insert into {schema}.funds_chain_state (v1_through_seq, backfilled) values (v1_through, n);
        end $do$;
        commit;
        """;

    /// <summary>Makes one table append-only: a row trigger refusing UPDATE and DELETE, a statement trigger refusing TRUNCATE.</summary>
    public static string GuardDdl(string schema, string table) => $"""

        create or replace function {schema}.funds_refuse_change() returns trigger language plpgsql as $fn$
        begin
            raise exception 'funds: % on %.% refused: the event store is append-only (docs/audit.md)', tg_op, tg_table_schema, tg_table_name
                using errcode = 'insufficient_privilege',
                      hint = 'Events, their hashes and the chain state are never changed or removed; correct a record with a new event.';
        end $fn$;
        drop trigger if exists {Guard} on {schema}.{table};
        create trigger {Guard} before update or delete on {schema}.{table} for each row execute function {schema}.funds_refuse_change();
        drop trigger if exists {TruncateGuard} on {schema}.{table};
        create trigger {TruncateGuard} before truncate on {schema}.{table} for each statement execute function {schema}.funds_refuse_change();
        """;

    /// <summary>Chain v1 (type and data only), for hashes stored before v2.</summary>
    public static string Hash(string previous, Guid streamId, long version, string type, string data)
        => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{previous}|{streamId}|{version}|{type}|{data}")));

    public static async Task<IntegrityReport> VerifyStreamAsync(IDocumentStore store, string county, Guid streamId, CancellationToken ct)
        => (await ScanAsync(store, county, streamId, null, null, ct)).Report;

    public static async Task<IntegrityReport> VerifyAllAsync(IDocumentStore store, string county, CancellationToken ct)
        => (await ScanAsync(store, county, null, null, null, ct)).Report;

    public static async Task<Digest> DigestAsync(IDocumentStore store, string county, long? upToSequence, DateTimeOffset now, CancellationToken ct)
    {
        var scan = await ScanAsync(store, county, null, upToSequence, null, ct);
        return new Digest(scan.UpTo, MerkleRoot(scan.Heads), scan.Heads.Count, scan.Report.EventsChecked, now, scan.Report.Intact, Algorithm);
    }

    /// <summary>The digest up to a sequence (default: the newest event) with every stream's head and the SHA-256 of the
    /// recomputed event hashes (written to <paramref name="eventHashes"/> when given), signed.</summary>
    public static async Task<SignedDigest> SignedDigestAsync(IDocumentStore store, DigestSigner signer, string county, long? upToSequence,
        DateTimeOffset now, TextWriter? eventHashes, CancellationToken ct)
    {
        signer.EnsureEnabled();
        var scan = await ScanAsync(store, county, null, upToSequence, eventHashes, ct);
        var unsigned = new SignedDigest(SignedDigest.CurrentFormat, county, scan.UpTo, MerkleRoot(scan.Heads), scan.Heads.Count, scan.Report.EventsChecked,
            now.ToUniversalTime(), scan.Report.Intact, Algorithm, scan.EventHashes, signer.KeyId, "", scan.Heads);
        return unsigned with { Signature = signer.Sign(unsigned.Statement()) };
    }

    public static string MerkleRoot(IEnumerable<StreamHead> heads)
    {
        var level = heads.OrderBy(h => h.StreamId.ToString(), StringComparer.Ordinal)
            .Select(h => Sha256Hex($"{h.StreamId}|{h.Version}|{h.Hash}")).ToList();
        if (level.Count == 0) level.Add(Convert.ToHexStringLower(SHA256.HashData([])));
        while (level.Count > 1)
        {
            var next = new List<string>();
            for (var i = 0; i < level.Count; i += 2)
                next.Add(i + 1 < level.Count ? Sha256Hex($"{level[i]}|{level[i + 1]}") : level[i]);
            level = next;
        }
        return level[0];
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Recomputes chains from the stored events (one stream, or all) up to a sequence, in one snapshot; names the
    /// first broken link of each stream and returns each stream's head as recomputed. Without a sequence, also checks each
    /// stream's newest event against <c>mt_streams.version</c>.</summary>
    private static async Task<(IntegrityReport Report, List<StreamHead> Heads, long UpTo, string EventHashes)> ScanAsync(
        IDocumentStore store, string county, Guid? streamId, long? upToSequence, TextWriter? lines, CancellationToken ct)
    {
        var schema = store.Options.Events.DatabaseSchemaName;
        await using var conn = await Open(store, county, ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var upTo = upToSequence ?? await ScalarAsync<long>(conn, tx,
            $"select coalesce(max(seq_id), 0) from {schema}.mt_events where tenant_id = @tenant", county, ct);
        var v1Through = await ScalarAsync<long?>(conn, tx, $"select v1_through_seq from {schema}.funds_chain_state", county, ct) ?? 0;

        Dictionary<Guid, long>? declared = null;
        if (upToSequence is null)
        {
            declared = [];
            await using var streams = new NpgsqlCommand(
                $"select id, coalesce(version, 0) from {schema}.mt_streams where tenant_id = @tenant {(streamId is null ? "" : "and id = @stream")}", conn, tx);
            streams.Parameters.AddWithValue("tenant", county);
            if (streamId is { } id) streams.Parameters.AddWithValue("stream", id);
            await using var r = await streams.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) declared[r.GetGuid(0)] = r.GetInt64(1);
        }

        await using var cmd = new NpgsqlCommand($"""
            select e.seq_id, e.id, e.stream_id, e.version, e.type, e.tenant_id, e.timestamp, e.data::text, e.bdata, e.headers::text,
                   e.correlation_id, e.causation_id, e.user_name, e.mt_dotnet_type, e.is_archived,
                   h.hash, h.algorithm, h.stream_id, h.version
            from {schema}.mt_events e left join {schema}.funds_event_hashes h on h.seq_id = e.seq_id
            where e.tenant_id = @tenant and e.seq_id <= @upTo {(streamId is null ? "" : "and e.stream_id = @stream")}
            order by e.stream_id, e.version
            """, conn, tx);
        cmd.Parameters.AddWithValue("upTo", upTo);
        cmd.Parameters.AddWithValue("tenant", county);
        if (streamId is { } s) cmd.Parameters.AddWithValue("stream", s);
        await using var reader = await cmd.ExecuteReaderAsync(ct);

        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Line(string line)
        {
            digest.AppendData(Encoding.UTF8.GetBytes(line + "\n"));
            lines?.Write(line + "\n");
        }
        Line(EventHashesHeader);

        var heads = new List<StreamHead>();
        var broken = new List<BrokenLink>();
        StoredEvent? last = null;
        string? previous = null;
        var currentBroken = false;
        var tombstones = false;
        long events = 0;
        void Break(StoredEvent e, string reason)
        {
            if (currentBroken) return;
            currentBroken = true;
            broken.Add(new BrokenLink(e.StreamId, e.Version, e.Sequence, e.Type, reason));
        }
        void EndStream()
        {
            if (last is null) return;
            heads.Add(new StreamHead(last.StreamId, last.Version, previous!));
            if (declared is null) return;
            if (tombstones)
            {
                declared.Remove(last.StreamId);
                return;
            }
            if (!declared.Remove(last.StreamId, out var version))
                Break(last, "the stream has events but no row in mt_streams");
            else if (version != last.Version)
                Break(last, $"mt_streams says the stream is at version {version}, but its newest stored event is version {last.Version}: " +
                            (version > last.Version ? "events were removed" : "the stream row was altered"));
        }

        while (await reader.ReadAsync(ct))
        {
            events++;
            var e = Read(reader);
            var sameStream = e.StreamId == last?.StreamId;
            if (!sameStream)
            {
                EndStream();
                previous = null;
                currentBroken = false;
                tombstones = true;
            }
            // Marten's tombstones (filling the sequence numbers of a failed save) form a stream of their own,
            // numbered by sequence, with gaps; every other stream is numbered from 1 without gaps.
            tombstones &= e.Type == Tombstone;
            if (!tombstones && !sameStream && e.Version != 1)
                Break(e, $"the stream's first stored event is version {e.Version}: earlier events were removed");
            else if (!tombstones && sameStream && e.Version != last!.Version + 1)
                Break(e, $"versions {last.Version + 1} to {e.Version - 1} are missing: events were removed");
            if (!sameStream || e.Version != last!.Version + 1) previous = null;

            var stored = reader.IsDBNull(15) ? null : reader.GetString(15);
            var algorithm = reader.IsDBNull(16) ? (short)0 : reader.GetInt16(16);
            string expected;
            try
            {
                expected = algorithm == 1 ? e.HashV1(previous) : e.Hash(previous);
            }
            catch (Exception x) when (x is FormatException or InvalidCastException or ArgumentException)
            {
                expected = "";
            }
            if (stored is null)
                Break(e, "no hash was recorded for this event: it was stored while the chain trigger was off");
            else if (reader.GetGuid(17) != e.StreamId || reader.GetInt64(18) != e.Version)
                Break(e, "the hash recorded under this event's sequence belongs to another event");
            else if (algorithm == 1 && e.Sequence > v1Through)
                Break(e, "hashed with chain v1, though stored after chain v2 was installed");
            else if (algorithm is not (1 or 2))
                Break(e, $"unknown chain algorithm {algorithm}");
            else if (stored != expected)
                Break(e, "the event's stored fields (or the hash before it) no longer match the hash recorded when it was appended");
            previous = expected;
            last = e;
            Line($"{e.Sequence},{e.StreamId},{e.Version},{expected}");
        }
        EndStream();
        if (declared is not null)
            foreach (var (stream, version) in declared.Where(d => d.Value > 0))
                broken.Add(new BrokenLink(stream, version, 0, "", $"mt_streams says the stream is at version {version}, but none of its events is stored: events were removed"));

        return (new IntegrityReport(broken.Count == 0, events, heads.Count, broken), heads, upTo, Convert.ToHexStringLower(digest.GetHashAndReset()));
    }

    private static StoredEvent Read(NpgsqlDataReader r)
    {
        DateTime timestamp;
        try
        {
            timestamp = r.GetFieldValue<DateTime>(6);
        }
        catch (InvalidCastException)
        {
            timestamp = DateTime.MinValue;
        }
        return new StoredEvent(r.GetInt64(0), r.GetGuid(1), r.GetGuid(2), r.GetInt64(3), r.GetString(4), Text(r, 5), timestamp, r.GetString(7),
            r.IsDBNull(8) ? null : r.GetFieldValue<byte[]>(8), Text(r, 9), Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13),
            r.IsDBNull(14) ? null : r.GetBoolean(14));
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection conn, NpgsqlTransaction tx, string sql, string county, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.Parameters.AddWithValue("tenant", county);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task<NpgsqlConnection> Open(IDocumentStore store, string county, CancellationToken ct)
    {
        var conn = (await store.Storage.FindOrCreateDatabase(county)).CreateConnection();
        await conn.OpenAsync(ct);
        return conn;
    }
}
