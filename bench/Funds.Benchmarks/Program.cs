using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Funds.Api.Hosting;
using Funds.Benchmarks;
using Funds.Testing;
using Marten;
using Marten.Events;
using Npgsql;

// dotnet run -c Release --project bench/Funds.Benchmarks [-- --events 1000000 --seconds 10 --no-chain --rebuild-only --profile SECONDS]
// Every figure is measured in this one run against the same throwaway PostgreSQL (durable settings).
if (args is ["peer", var peerDb, var peerAt, var peerKey])
{
    await HandWrittenPeer.RunAsync(peerDb, peerAt, peerKey);
    return 0;
}
const string county = "422822";
var targetEvents = Arg("--events", 1_000_000);
var seconds = Arg("--seconds", 10);
var chain = !args.Contains("--no-chain");
int Arg(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).FirstOrDefault(fallback);
var results = new List<(string Name, string Value, string Note)>();
void Report(string name, string value, string note = "") { results.Add((name, value, note)); Console.WriteLine($"{name}: {value} {note}"); }

await using var pg = await TestDatabase.StartThrowawayAsync(durable: true);
Console.WriteLine($"PostgreSQL on port {pg.Port} ({pg.DataDirectory})");

// 1. Raw PostgreSQL baseline
const string row = """{"projectId":"01a2088d-b2b2-70fa-a4f2-08cdd8aadd04","amount":300000.00,"kind":"Progress","payee":{"name":"恩施州路桥建设有限公司","creditCode":"91422822MA4955XK21"},"voucherNo":"JSCZ-2019-000123","paidOn":"2019-04-01","by":{"subject":"caiwu","role":"finance","scope":null},"recordedAt":"2019-04-01T10:00:00+08:00"}""";
await Exec("create table bench_raw (id bigserial primary key, stream uuid not null, data jsonb not null)");
var raw = new Dictionary<int, double>();
foreach (var clients in new[] { 1, 8, 16, 32 })
{
    long count = 0;
    var stop = DateTime.UtcNow.AddSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
    {
        await using var conn = new NpgsqlConnection(pg.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("insert into bench_raw (stream, data) values (@s, @d::jsonb)", conn);
        cmd.Parameters.AddWithValue("s", Guid.NewGuid());
        cmd.Parameters.AddWithValue("d", row);
        while (DateTime.UtcNow < stop)
        {
            await cmd.ExecuteNonQueryAsync();
            Interlocked.Increment(ref count);
        }
    }));
    raw[clients] = count / (double)seconds;
    Report($"raw single-row insert commits, {clients} clients", $"{raw[clients]:0} commits/s");
}
var bulkRows = 500_000;
var sw = Stopwatch.StartNew();
await Exec($"insert into bench_raw (stream, data) select gen_random_uuid(), ('{row}'::jsonb) || jsonb_build_object('n', g) from generate_series(1, {bulkRows}) g");
var serverBulk = bulkRows / sw.Elapsed.TotalSeconds;
Report("raw server-side bulk insert of event-sized rows", $"{serverBulk:0} rows/s");
await Exec("drop table bench_raw");

// The store, configured as the API configures it, plus the hash-chain trigger.
var tenancy = new TenancyOptions { Counties = [new CountyOptions { Code = county, Name = "建始县" }] };
var store = DocumentStore.For(o => FundsStore.Configure(o, pg.ConnectionString, tenancy));
await new Funds.Api.Audit.EventChainInstaller(store).StartAsync(CancellationToken.None);
if (!chain) await Exec("drop trigger funds_chain_events on funds.mt_events");
// For experiments: SQL run once the API has installed the schema (e.g. a variant of a function).
if (Environment.GetEnvironmentVariable("FUNDS_BENCH_SQL") is { Length: > 0 } experiment) await Exec(experiment);

// 3. Bulk import of many counties straight through Marten's COPY-based append.
var counties = Math.Max(1, targetEvents / ScaleGenerator.EventsPerCounty);
// Two batches in flight, each on its own connection: one is generated and serialized while the other is written.
sw.Restart();
var importCpu = Cpu();
long imported = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, (counties + 9) / 10), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (b, ct) =>
{
    var batch = Enumerable.Range(b * 10, Math.Min(10, counties - b * 10)).SelectMany(n => ScaleGenerator.County(store, n)).ToList();
    await store.BulkInsertEventsAsync(county, batch, cancellation: ct);
    Interlocked.Add(ref imported, batch.Sum(s => s.Events.Count));
});
var importRate = imported / sw.Elapsed.TotalSeconds;
var importCpuAfter = Cpu();
Report(chain ? "bulk import (Marten COPY, with hash-chain trigger)" : "bulk import (Marten COPY, hash-chain trigger dropped)", $"{importRate:0} events/s", $"{imported:N0} events, {counties} counties, {sw.Elapsed.TotalSeconds:0.0} s; CPU: this process {importCpuAfter.Self - importCpu.Self:0.0} s, PostgreSQL {importCpuAfter.Db - importCpu.Db:0.0} s");

// As after any bulk load: vacuum and analyze, so that no later reader pays for setting the new rows' hint bits
// or meets autovacuum midway.
foreach (var table in new[] { "mt_events", "mt_streams", "funds_event_hashes" }) await Exec($"vacuum (analyze) funds.{table}");

// The peer of a rebuild: every event read back through Marten and deserialized, nothing projected.
sw.Restart();
long read = 0, lastSeq = 0;
await using (var query = store.QuerySession(county))
{
    while (true)
    {
        var page = await query.Events.QueryAllRawEvents().Where(e => e.Sequence > lastSeq).OrderBy(e => e.Sequence).Take(10_000).ToListAsync();
        if (page.Count == 0) break;
        read += page.Count;
        lastSeq = page[^1].Sequence;
    }
}
var readRate = read / sw.Elapsed.TotalSeconds;
Report("read every event through Marten, deserialized", $"{readRate:0} events/s", $"{read:N0} events, {sw.Elapsed.TotalSeconds:0.0} s");

// 4. Async projections: catch-up from zero, then a full rebuild of every projection.
sw.Restart();
using (var daemon = await store.BuildProjectionDaemonAsync())
{
    await daemon.StartAllAsync();
    await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(60));
    await daemon.StopAllAsync();
}
Report("async projections catch-up (the money trail)", $"{imported / sw.Elapsed.TotalSeconds:0} events/s", $"{sw.Elapsed.TotalSeconds:0.0} s");

if (args.Contains("--rebuild-only")) await Exec("create extension if not exists pg_stat_statements; select pg_stat_statements_reset()");
sw.Restart();
var rebuildCpu = Cpu();
var rebuilt = await Funds.Api.Admin.Rebuild.RunAsync(store, new StoreConnection(pg.ConnectionString, tenancy), null, CancellationToken.None);
var rebuildRate = imported / sw.Elapsed.TotalSeconds;
var rebuildCpuAfter = Cpu();
Report($"full rebuild ({rebuilt.Projections.Count} read models, one pass)", $"{rebuildRate:0} store events/s",
    $"{sw.Elapsed.TotalSeconds:0.0} s; CPU: this process {rebuildCpuAfter.Self - rebuildCpu.Self:0.0} s, PostgreSQL {rebuildCpuAfter.Db - rebuildCpu.Db:0.0} s");

if (args.Contains("--rebuild-only"))
{
    await TopStatementsAsync(imported, "store event");
    Console.WriteLine($"ratio full-rebuild-vs-event-read: {100 * rebuildRate / readRate:0} %");
    return 0;
}

// The API as a separate process on the same database.
using var api = new ApiProcess(pg.ConnectionString + Environment.GetEnvironmentVariable("FUNDS_BENCH_CONNECTION_SUFFIX"), new Dictionary<string, string>
{
    ["Funds__Deadlines__Escalate"] = "false",
    // The benchmark is one caller sending as fast as it can: measure the server, not the per-caller limits.
    ["Funds__Limits__Enabled"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
});
await api.StartAsync();
// The API installs the chain at start-up: drop it again where the run measures without it.
if (!chain) await Exec("drop trigger funds_chain_events on funds.mt_events");
var peerUrl = $"http://127.0.0.1:{ApiProcess.FreePort()}";
await Exec(HandWrittenPeer.Schema);
using var peer = System.Diagnostics.Process.Start(new ProcessStartInfo("dotnet",
    [Path.Combine(AppContext.BaseDirectory, "Funds.Benchmarks.dll"), "peer", pg.ConnectionString, peerUrl, "funds-development-signing-key-not-for-production-0123456789"]) { UseShellExecute = false, RedirectStandardOutput = true })!;
var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
Task<string> Token(object body) => ApiProcess.TokenAsync(http, body);
var peerHttp = new HttpClient { BaseAddress = new Uri(peerUrl), Timeout = TimeSpan.FromSeconds(30) };
for (var i = 0; i < 120 && !await Healthy(peerHttp); i++) await Task.Delay(500);
var finance = await Token(new { role = "finance" });
var hq = await Token(new { role = "township-hq", township = "基准镇" });
var auditor = await Token(new { role = "auditor" });
await ApiProcess.RegisterVillageAsync(http, await Token(new { role = "admin" }), "基准镇", "基准村");

Task<JsonNode> Post(string token, string url, object body) => ApiProcess.PostAsync(http, token, url, body);

// 5. Queries at this size: project trail, fund-source ledger, deadline board.
var random = new Random(7);
async Task<double> Latency(string name, Func<int, string> url, int n = 400)
{
    var times = new List<double>();
    for (var i = 0; i < n + 20; i++)
    {
        using var r = new HttpRequestMessage(HttpMethod.Get, url(i));
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
        var t = Stopwatch.StartNew();
        var response = await http.SendAsync(r);
        await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{name}: {(int)response.StatusCode}");
        if (i >= 20) times.Add(t.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Report($"query: {name}", $"p50 {times[times.Count / 2]:0.0} ms, p99 {times[(int)(times.Count * 0.99)]:0.0} ms", $"{n} sequential requests over HTTP");
    return times[(int)(times.Count * 0.99)];
}
var trailP99 = await Latency("project trail", _ => $"/api/projects/{ScaleGenerator.Id(random.Next(counties), 1, random.Next(ScaleGenerator.ProjectsPerCounty))}/trail");
await Latency("fund-source ledger (first page)", _ => $"/api/fund-sources/{ScaleGenerator.Id(random.Next(counties), 2, random.Next(ScaleGenerator.SourcesPerCounty))}/trail?pageSize=100");
await Latency("deadline board for a township, asOf 2019-07-01", _ => $"/api/deadlines?asOf=2019-07-01&township={Uri.EscapeDataString(ScaleGenerator.Township(random.Next(counties), random.Next(10)))}", 200);

// 2. HTTP disbursement commands at 16 concurrent clients, each paying on its own project from its own
//    fund source; then the same with all 16 drawing on ONE source (each still on its own project, so
//    nothing but the source is shared); then the hand-written peer and Marten alone.
const int clients16 = 16;
var sharedSource = (string)(await Post(finance, "/api/fund-sources", new { name = "基准共用资金", kind = "CountyFiscal", fiscalYear = 2019, documentRef = "B-S", registeredOn = "2019-01-05" }))["id"]!;
await Post(finance, $"/api/fund-sources/{sharedSource}/receipts", new { amount = 90_000_000m, documentRef = "B-S2", receivedOn = "2019-01-20" });
var pairs = new List<(string Project, string Source)>();
for (var i = 0; i < clients16; i++)
{
    var src = (string)(await Post(finance, "/api/fund-sources", new { name = $"基准资金{i}", kind = "CountyFiscal", fiscalYear = 2019, documentRef = $"B-{i}", registeredOn = "2019-01-05" }))["id"]!;
    await Post(finance, $"/api/fund-sources/{src}/receipts", new { amount = 10_000_000m, documentRef = $"B-R{i}", receivedOn = "2019-01-20" });
    var id = (string)(await Post(hq, "/api/projects", new { kind = "Infrastructure", category = "road", name = $"基准项目{i}", township = "基准镇", village = "基准村", planYear = 2019, registeredOn = "2019-01-10" }))["id"]!;
    await Post(hq, $"/api/projects/{id}/screening", new { included = true, reason = "列入项目库", screenedOn = "2019-02-01" });
    await Post(hq, $"/api/projects/{id}/assessment", new { feasible = true, conclusion = "可行", householdsReached = 10, plannedFunding = new[] { new { kind = "CountyFiscal", amount = 9_000_000m } }, assessedOn = "2019-02-01" });
    await Post(finance, $"/api/projects/{id}/approval", new { approvalDocumentNo = $"B-{i}", approvedBudget = 9_000_000m, approvedBy = "县领导小组", approvedOn = "2019-02-01" });
    await Post(hq, $"/api/projects/{id}/builder", new { builderName = "恩施州路桥建设有限公司", creditCode = "91422822MA4955XK21", method = "PublicTender", reference = $"ZB-{i}", contractAmount = 9_000_000m, selectedOn = "2019-02-20" });
    await Post(finance, $"/api/fund-sources/{src}/allocations", new { projectId = id, amount = 5_000_000m, documentRef = $"A-{i}", allocatedOn = "2019-02-10" });
    await Post(finance, $"/api/fund-sources/{sharedSource}/allocations", new { projectId = id, amount = 1_000_000m, documentRef = $"AS-{i}", allocatedOn = "2019-02-10" });
    pairs.Add((id, src));
    await Exec($"insert into peer_projects values ('{county}', '{id}', 9000000, false, 0); insert into peer_allocations values ('{county}', '{id}', '{src}', 5000000, 0)");
}
long voucher = 0;
async Task<(double Rate, List<double> Sorted, int Errors)> Pay(Func<(string Project, string Source), string> sourceOf, int secs, HttpClient? to = null, string path = "/api")
{
    var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
    var errors = 0;
    var stopAt = DateTime.UtcNow.AddSeconds(secs);
    await Task.WhenAll(pairs.Select(async pair =>
    {
        while (DateTime.UtcNow < stopAt)
        {
            var n = Interlocked.Increment(ref voucher);
            using var r = new HttpRequestMessage(HttpMethod.Post, $"{path}/projects/{pair.Project}/disbursements")
            {
                Content = JsonContent.Create(new { fundSourceId = sourceOf(pair), amount = 1.00m, kind = "Progress", voucherNo = $"BENCH-{n:0000000}", paidOn = "2019-04-01" }),
            };
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", finance);
            var t = Stopwatch.StartNew();
            var response = await (to ?? http).SendAsync(r);
            await response.Content.ReadAsByteArrayAsync();
            if (response.IsSuccessStatusCode) latencies.Add(t.Elapsed.TotalMilliseconds);
            else Interlocked.Increment(ref errors);
        }
    }));
    var sorted = latencies.Order().ToList();
    return (sorted.Count / (double)secs, sorted, errors);
}
var warmup = Arg("--warmup", 30);
if (Arg("--profile", 0) is var profileSeconds and > 0)
{
    // A profile of the disbursement path: the statements PostgreSQL ran per command, while a CPU trace of the
    // API can be taken (dotnet-trace collect -p PID) during the same load.
    await Pay(p => p.Source, warmup);
    await Exec("create extension if not exists pg_stat_statements");
    await Pay(p => p.Source, warmup, peerHttp, "/peer");
    await Exec("select pg_stat_statements_reset()");
    Console.WriteLine($"API process {api.ProcessId}: profiling for {profileSeconds} s");
    var before = Cpu(api.ProcessId);
    var (rate, _, _) = await Pay(p => p.Source, profileSeconds);
    var after = Cpu(api.ProcessId);
    var commands = rate * profileSeconds;
    Console.WriteLine($"{commands:0} disbursements, {rate:0}/s; CPU per command: API {1000 * (after.Api - before.Api) / commands:0.00} ms, " +
                      $"PostgreSQL {1000 * (after.Db - before.Db) / commands:0.00} ms, load generator {1000 * (after.Self - before.Self) / commands:0.00} ms");
    Console.WriteLine("statements per disbursement (Funds):");
    await TopStatementsAsync(commands, "command");
    var peerBefore = Cpu(peer.Id);
    var (peerRate2, _, _) = await Pay(p => p.Source, profileSeconds, peerHttp, "/peer");
    var peerAfter = Cpu(peer.Id);
    var peerCommands = peerRate2 * profileSeconds;
    peer.Kill();
    Console.WriteLine($"hand-written peer: {peerRate2:0}/s; CPU per command: its process {1000 * (peerAfter.Api - peerBefore.Api) / peerCommands:0.00} ms, " +
                      $"PostgreSQL {1000 * (peerAfter.Db - peerBefore.Db) / peerCommands:0.00} ms, load generator {1000 * (peerAfter.Self - peerBefore.Self) / peerCommands:0.00} ms");
    return 0;

}
// Both servers are measured warm: runtime code generation, JIT tiering and connection pools settle first.
await Pay(p => p.Source, warmup);
await Pay(p => p.Source, warmup, peerHttp, "/peer");
var (commandRate, own, ownErrors) = await Pay(p => p.Source, seconds * 2);
Report("HTTP disbursement commands, 16 clients, own source each", $"{commandRate:0} commands/s, p50 {own[own.Count / 2]:0.0} ms, p99 {own[(int)(own.Count * 0.99)]:0.0} ms", $"{own.Count} acknowledged, {ownErrors} not");
var (hotRate, hot, hotErrors) = await Pay(_ => sharedSource, seconds);
Report("HTTP disbursement commands, 16 clients, one shared source", $"{hotRate:0} commands/s, p50 {hot[hot.Count / 2]:0.0} ms, p99 {hot[(int)(hot.Count * 0.99)]:0.0} ms", $"{hot.Count} acknowledged, {hotErrors} not");

var (peerRate, peerSorted, peerErrors) = await Pay(p => p.Source, seconds * 2, peerHttp, "/peer");
Report("hand-written peer (minimal API + Npgsql, plain tables), 16 clients", $"{peerRate:0} commands/s, p50 {peerSorted[peerSorted.Count / 2]:0.0} ms, p99 {peerSorted[(int)(peerSorted.Count * 0.99)]:0.0} ms", $"{peerSorted.Count} acknowledged, {peerErrors} not");
peer.Kill();

long martenCount = 0;
var martenStop = DateTime.UtcNow.AddSeconds(seconds);
await Task.WhenAll(pairs.Select(async pair =>
{
    while (DateTime.UtcNow < martenStop)
    {
        await MartenOnlyPeer.PayAsync(store, county, Guid.Parse(pair.Project), Guid.Parse(pair.Source), $"MARTEN-{Interlocked.Increment(ref voucher):0000000}");
        Interlocked.Increment(ref martenCount);
    }
}));
var martenRate = martenCount / (double)seconds;
Report("Marten alone (locked fetch, decider, append; no HTTP), 16 tasks", $"{martenRate:0} commands/s");

Console.WriteLine();
Console.WriteLine("| measurement | figure | note |");
Console.WriteLine("|---|---|---|");
foreach (var (name, value, note) in results) Console.WriteLine($"| {name} | {value} | {note} |");
Console.WriteLine();
Console.WriteLine($"ratio http-vs-handwritten: {100 * commandRate / peerRate:0} %");
Console.WriteLine($"ratio shared-vs-own-source: {100 * hotRate / commandRate:0} %");
Console.WriteLine($"count shared-source-409: {hotErrors}");
Console.WriteLine($"ratio full-rebuild-vs-event-read: {100 * rebuildRate / readRate:0} %");
Console.WriteLine($"ratio import-vs-bulk-insert: {100 * importRate / serverBulk:0} %");
Console.WriteLine($"p99 project-trail: {trailP99:0.0} ms");
return 0;

async Task<bool> Healthy(HttpClient client)
{
    try { return (await client.GetAsync("/health")).IsSuccessStatusCode; }
    catch (HttpRequestException) { return false; }
}

async Task Exec(string sql)
{
    await using var conn = new NpgsqlConnection(pg.ConnectionString);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
    await cmd.ExecuteNonQueryAsync();
}

// CPU seconds used so far by the API (or another process), the PostgreSQL cluster and this process, from /proc.
(double Api, double Db, double Self) Cpu(int? pid = null)
{
    static double Of(int p)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{p}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(f[11]) + long.Parse(f[12])) / 100.0;
        }
        catch (IOException) { return 0; }
    }
    var postmaster = int.Parse(File.ReadLines(Path.Combine(pg.DataDirectory, "postmaster.pid")).First());
    var db = Of(postmaster) + Directory.GetDirectories("/proc").Select(d => int.TryParse(Path.GetFileName(d), out var n) ? n : 0)
        .Where(n => n > 0 && File.Exists($"/proc/{n}/stat") && ParentOf(n) == postmaster).Sum(Of);
    return (pid is { } p ? Of(p) : 0, db, Of(Environment.ProcessId));

    static int ParentOf(int p)
    {
        try { var stat = File.ReadAllText($"/proc/{p}/stat"); return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]); }
        catch (IOException) { return 0; }
    }
}

// What PostgreSQL ran since pg_stat_statements was last reset, per unit of work (nested statements and planning included).
async Task TopStatementsAsync(double units, string unit)
{
    await using var conn = new NpgsqlConnection(pg.ConnectionString);
    await conn.OpenAsync();
    await using var top = new NpgsqlCommand("""
        select calls, total_exec_time + total_plan_time, left(regexp_replace(query, '\s+', ' ', 'g'), 110) from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database()) order by total_exec_time desc limit 25
        """, conn);
    await using var reader = await top.ExecuteReaderAsync();
    double calls = 0, ms = 0;
    while (await reader.ReadAsync())
    {
        calls += reader.GetInt64(0); ms += reader.GetDouble(1);
        Console.WriteLine($"  {reader.GetInt64(0) / units,6:0.00} calls {reader.GetDouble(1) / units,7:0.000} ms  {reader.GetString(2)}");
    }
    Console.WriteLine($"  top statements: {calls / units:0.0} calls, {ms / units:0.000} ms of server time per {unit}");
}
