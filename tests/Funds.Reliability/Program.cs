using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Funds.Api.Hosting;
using Funds.Testing;
using Npgsql;

// Fault-injection runs, loopback only, bounded in count and time:
//   dotnet run --project tests/Funds.Reliability [-- --commands 400]      one node: database outage, process killed
//   dotnet run --project tests/Funds.Reliability -- cluster               three nodes: see ClusterRun
// Starts a throwaway PostgreSQL and the API as a child process, sends a stream of disbursement
// commands (each with its own Idempotency-Key; a client retries the same key on 503 or a broken
// connection, as it should), stops and restarts PostgreSQL during the stream, kills the API process
// (SIGKILL) mid-load and starts it again, then checks the store: every acknowledged command exactly
// once, no 500s, projections caught up and reconciled, deadline escalations not duplicated.

if (args.FirstOrDefault() == "cluster") return await Funds.Reliability.ClusterRun.RunAsync(args);

var commands = args.SkipWhile(a => a != "--commands").Skip(1).Select(int.Parse).FirstOrDefault(400);
var deadline = Stopwatch.StartNew();
var limit = TimeSpan.FromMinutes(8);

await using var pg = await TestDatabase.StartThrowawayAsync();
using var api = new ApiProcess(pg.ConnectionString, new Dictionary<string, string>
{
    ["Funds__Deadlines__ScanMinutes"] = "1",
});
await api.StartAsync();
var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
Task<string> Token(object request) => ApiProcess.TokenAsync(http, request);

var hq = await Token(new { role = "township-hq", township = "官店镇" });
var finance = await Token(new { role = "finance" });
var admin = await Token(new { role = "admin" });
var auditor = await Token(new { role = "auditor" });

Task<JsonNode> Send(string token, string url, object body) => ApiProcess.PostAsync(http, token, url, body);

await ApiProcess.RegisterVillageAsync(http, admin, "官店镇", "黄坪村");
var project = (string)(await Send(hq, "/api/projects", new { kind = "Infrastructure", category = "road", name = "可靠性测试公路", township = "官店镇", village = "黄坪村", planYear = 2019, registeredOn = "2019-01-10" }))["id"]!;
await Send(hq, $"/api/projects/{project}/screening", new { included = true, reason = "列入项目库", screenedOn = "2019-02-01" });
await Send(hq, $"/api/projects/{project}/assessment", new { feasible = true, conclusion = "可行", householdsReached = 10, plannedFunding = new[] { new { kind = "CountyFiscal", amount = 10_000_000m } }, assessedOn = "2019-02-01" });
await Send(finance, $"/api/projects/{project}/approval", new { approvalDocumentNo = "R-1", approvedBudget = 10_000_000m, approvedBy = "县领导小组", approvedOn = "2019-02-01" });
await Send(hq, $"/api/projects/{project}/builder", new { builderName = "恩施州路桥建设有限公司", creditCode = "91422822MA4955XK21", method = "PublicTender", reference = "ZB-1", contractAmount = 10_000_000m, selectedOn = "2019-02-20" });
var source = (string)(await Send(finance, "/api/fund-sources", new { name = "可靠性测试资金", kind = "CountyFiscal", fiscalYear = 2019, documentRef = "R-F-1", registeredOn = "2019-01-05" }))["id"]!;
await Send(finance, $"/api/fund-sources/{source}/receipts", new { amount = 10_000_000m, documentRef = "R-F-2", receivedOn = "2019-01-20" });
await Send(finance, $"/api/fund-sources/{source}/allocations", new { projectId = project, amount = 10_000_000m, documentRef = "R-F-3", allocatedOn = "2019-02-10" });

var figures = new Dictionary<string, int> { ["sent"] = 0, ["acknowledged"] = 0, ["answered 503"] = 0, ["answered 500"] = 0, ["other 5xx"] = 0, ["4xx"] = 0, ["connection failures"] = 0, ["409 concurrent-modification (retried)"] = 0, ["503 without Retry-After"] = 0 };
var acknowledged = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
void Count(string key) { lock (figures) figures[key]++; }

// One client command: retried with the same Idempotency-Key until acknowledged (bounded).
async Task Pay(int i)
{
    var key = $"reliability-{i}";
    var voucher = $"REL-{i:00000}";
    Count("sent");
    for (var attempt = 0; attempt < 200 && deadline.Elapsed < limit; attempt++)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{project}/disbursements")
            {
                Content = JsonContent.Create(new { fundSourceId = source, amount = 1.00m, kind = "Progress", voucherNo = voucher, paidOn = "2019-04-01" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", finance);
            request.Headers.Add("Idempotency-Key", key);
            var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                Count("acknowledged");
                acknowledged[voucher] = true;
                return;
            }
            if (status == 503)
            {
                Count("answered 503");
                if (response.Headers.RetryAfter is null) Count("503 without Retry-After");
            }
            else if (status == 500)
            {
                Count("answered 500");
                Console.WriteLine($"  {voucher}: 500 {await response.Content.ReadAsStringAsync()}");
            }
            else if (status > 500) Count("other 5xx");
            else if (status == 409 && (await response.Content.ReadAsStringAsync()).Contains("\"concurrent-modification\""))
                Count("409 concurrent-modification (retried)");
            else
            {
                Count("4xx");
                Console.WriteLine($"  {voucher}: {status} {await response.Content.ReadAsStringAsync()}");
                return;
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Count("connection failures");
        }
        await Task.Delay(250);
    }
}

async Task Stream(int from, int count, Func<int, Task> fault)
{
    var next = from;
    var workers = Enumerable.Range(0, 4).Select(async _ =>
    {
        while (true)
        {
            var i = Interlocked.Increment(ref next) - 1;
            if (i >= from + count) return;
            if (i == from + count / 3) await fault(i);
            await Pay(i);
        }
    });
    await Task.WhenAll(workers);
}

var half = commands / 2;
Console.WriteLine($"Phase 1: {half} commands; PostgreSQL stopped for ~5 s a third of the way in.");
var outage = Stopwatch.StartNew();
await Stream(0, half, async at =>
{
    await pg.StopAsync();
    _ = Task.Run(async () =>
    {
        await Task.Delay(5000);
        await pg.RestartAsync();
        Console.WriteLine($"  PostgreSQL back after {outage.Elapsed.TotalSeconds:0.0} s");
    });
});

Console.WriteLine($"Phase 2: {commands - half} commands; the API process killed (SIGKILL) a third of the way in and started again.");
await Stream(half, commands - half, async at =>
{
    await api.KillAsync();
    _ = Task.Run(api.StartAsync);
});
// make sure the restarted API is up before checking
for (var i = 0; i < 240 && !await api.HealthyAsync(); i++) await Task.Delay(500);

// Check the store directly.
await using var conn = new NpgsqlConnection(pg.ConnectionString);
await conn.OpenAsync();
var stored = new List<string>();
await using (var cmd = new NpgsqlCommand("select data->>'voucherNo' from funds.mt_events where stream_id = @p and type = 'funds_disbursed'", conn))
{
    cmd.Parameters.AddWithValue("p", Guid.Parse(project));
    await using var reader = await cmd.ExecuteReaderAsync();
    while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
}
var duplicates = stored.Count - stored.Distinct().Count();
var missing = acknowledged.Keys.Except(stored).Count();
var unacknowledgedStored = stored.Distinct().Except(acknowledged.Keys).Count();

int escalationDuplicates;
await using (var cmd = new NpgsqlCommand("select count(*) - count(distinct (stream_id, data->>'ruleId')) from funds.mt_events where type = 'deadline_missed'", conn))
    escalationDuplicates = (int)(long)(await cmd.ExecuteScalarAsync())!;

using var reconcile = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reconciliation") { Content = JsonContent.Create(new { }) };
reconcile.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
var reconciliation = JsonNode.Parse(await (await http.SendAsync(reconcile)).Content.ReadAsStringAsync())!;
using var integrity = new HttpRequestMessage(HttpMethod.Get, "/api/audit/integrity");
integrity.Headers.Authorization = new AuthenticationHeaderValue("Bearer", auditor);
var chain = JsonNode.Parse(await (await http.SendAsync(integrity)).Content.ReadAsStringAsync())!;

Console.WriteLine();
Console.WriteLine("| figure | value |");
Console.WriteLine("|---|---|");
foreach (var (k, v) in figures) Console.WriteLine($"| {k} | {v} |");
Console.WriteLine($"| payments found in the store | {stored.Count} |");
Console.WriteLine($"| duplicates in the store | {duplicates} |");
Console.WriteLine($"| acknowledged but missing | {missing} |");
Console.WriteLine($"| stored but never acknowledged | {unacknowledgedStored} |");
Console.WriteLine($"| duplicate DeadlineMissed | {escalationDuplicates} |");
Console.WriteLine($"| reconciliation consistent | {reconciliation["consistent"]} |");
Console.WriteLine($"| hash chains intact | {chain["intact"]} |");
Console.WriteLine($"| wall time | {deadline.Elapsed.TotalSeconds:0} s |");

var ok = duplicates == 0 && missing == 0 && figures["answered 500"] == 0 && figures["503 without Retry-After"] == 0 && escalationDuplicates == 0
         && (bool)reconciliation["consistent"]! && (bool)chain["intact"]! && figures["acknowledged"] == figures["sent"];
Console.WriteLine(ok ? "RESULT: pass" : "RESULT: FAIL");
return ok ? 0 : 1;
