using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Funds.Testing;
using Npgsql;

namespace Funds.Reliability;

/// <summary>
/// Three API processes on one database in Wolverine's Balanced mode (loopback only, bounded):
///   dotnet run --project tests/Funds.Reliability -- cluster [--commands 300]
/// Commands go to all three nodes; the node running the asynchronous projections is SIGKILLed a third of
/// the way in and started again later. Checks: every acknowledged command stored once, the projections
/// moved to a survivor and caught up, reconciliation exact, every missed deadline escalated exactly once
/// across the cluster, hash chains intact.
/// </summary>
public static class ClusterRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var commands = args.SkipWhile(a => a != "--commands").Skip(1).Select(int.Parse).FirstOrDefault(300);
        var clock = Stopwatch.StartNew();
        var limit = TimeSpan.FromMinutes(10);
        await using var pg = await TestDatabase.StartThrowawayAsync();
        var settings = new Dictionary<string, string>
        {
            ["Funds__Cluster__Mode"] = "Balanced",
            ["Funds__Cluster__HealthCheckSeconds"] = "2",
            ["Funds__Cluster__StaleNodeSeconds"] = "6",
            ["Funds__Deadlines__ScanMinutes"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var nodes = Enumerable.Range(0, 3).Select(_ => new ApiProcess(pg.ConnectionString, settings)).ToList();
        try
        {
            // One at a time: the first creates the schema, and the first started leads.
            foreach (var node in nodes) await node.StartAsync();
            var clients = nodes.Select(n => new HttpClient { BaseAddress = new Uri(n.BaseUrl), Timeout = TimeSpan.FromSeconds(10) }).ToList();
            var http = clients[0];
            var admin = await ApiProcess.TokenAsync(http, new { role = "admin" });
            var hq = await ApiProcess.TokenAsync(http, new { role = "township-hq", township = "官店镇" });
            var finance = await ApiProcess.TokenAsync(http, new { role = "finance" });

            Console.WriteLine($"Three nodes up after {clock.Elapsed.TotalSeconds:0} s; waiting for the agents to be assigned.");
            var projectionsNode = await WaitForAgentAsync(clients, admin, "event-subscriptions://", limit - clock.Elapsed);
            var escalationNode = await WaitForAgentAsync(clients, admin, "deadline-escalation://", limit - clock.Elapsed);
            Console.WriteLine($"  projections on node #{projectionsNode + 1}, deadline escalation on node #{escalationNode + 1}");

            // Projects whose 2019 deadlines are long past (the processes run on today's clock): the escalation
            // agent must append each DeadlineMissed once, whichever node runs it and whatever dies.
            await ApiProcess.RegisterVillageAsync(http, admin, "官店镇", "黄坪村");
            var pairs = new List<(string Project, string Source)>();
            for (var i = 0; i < 6; i++)
            {
                var project = (string)(await ApiProcess.PostAsync(clients[i % 3], hq, "/api/projects", new { kind = "Infrastructure", category = "road", name = $"集群测试公路{i}", township = "官店镇", village = "黄坪村", planYear = 2019, registeredOn = "2019-01-10" }))["id"]!;
                await ApiProcess.PostAsync(clients[i % 3], hq, $"/api/projects/{project}/screening", new { included = true, reason = "列入项目库", screenedOn = "2019-02-01" });
                await ApiProcess.PostAsync(clients[i % 3], hq, $"/api/projects/{project}/assessment", new { feasible = true, conclusion = "可行", householdsReached = 10, plannedFunding = new[] { new { kind = "CountyFiscal", amount = 10_000_000m } }, assessedOn = "2019-02-01" });
                await ApiProcess.PostAsync(clients[i % 3], finance, $"/api/projects/{project}/approval", new { approvalDocumentNo = $"C-{i}", approvedBudget = 10_000_000m, approvedBy = "县领导小组", approvedOn = "2019-02-01" });
                await ApiProcess.PostAsync(clients[i % 3], hq, $"/api/projects/{project}/builder", new { builderName = "恩施州路桥建设有限公司", creditCode = "91422822MA4955XK21", method = "PublicTender", reference = $"ZB-C-{i}", contractAmount = 10_000_000m, selectedOn = "2019-02-20" });
                await ApiProcess.PostAsync(clients[i % 3], hq, $"/api/projects/{project}/start", new { startedOn = "2019-04-10" });
                var source = (string)(await ApiProcess.PostAsync(clients[i % 3], finance, "/api/fund-sources", new { name = $"集群测试资金{i}", kind = "CountyFiscal", fiscalYear = 2019, documentRef = $"C-F-{i}", registeredOn = "2019-01-05" }))["id"]!;
                await ApiProcess.PostAsync(clients[i % 3], finance, $"/api/fund-sources/{source}/receipts", new { amount = 10_000_000m, documentRef = $"C-R-{i}", receivedOn = "2019-01-20" });
                await ApiProcess.PostAsync(clients[i % 3], finance, $"/api/fund-sources/{source}/allocations", new { projectId = project, amount = 10_000_000m, documentRef = $"C-A-{i}", allocatedOn = "2019-02-10" });
                pairs.Add((project, source));
            }

            var figures = new ConcurrentDictionary<string, int>();
            void Count(string key) => figures.AddOrUpdate(key, 1, (_, v) => v + 1);
            var acknowledged = new ConcurrentDictionary<string, bool>();
            var dead = new ConcurrentDictionary<int, bool>();

            async Task Pay(int i)
            {
                var (project, source) = pairs[i % pairs.Count];
                var voucher = $"CL-{i:00000}";
                Count("sent");
                for (var attempt = 0; attempt < 400 && clock.Elapsed < limit; attempt++)
                {
                    var target = (i + attempt) % 3;
                    if (dead.ContainsKey(target)) continue;
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{project}/disbursements")
                        {
                            Content = JsonContent.Create(new { fundSourceId = source, amount = 1.00m, kind = "Progress", voucherNo = voucher, paidOn = "2019-04-20" }),
                        };
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", finance);
                        request.Headers.Add("Idempotency-Key", $"cluster-{i}");
                        var response = await clients[target].SendAsync(request);
                        var status = (int)response.StatusCode;
                        if (response.IsSuccessStatusCode)
                        {
                            Count("acknowledged");
                            Count($"acknowledged by node #{target + 1}");
                            acknowledged[voucher] = true;
                            return;
                        }
                        Count($"answered {status}");
                        if (status < 500)
                        {
                            Console.WriteLine($"  {voucher}: {status} {await response.Content.ReadAsStringAsync()}");
                            return;
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Count("connection failures (retried on another node)");
                    }
                    await Task.Delay(100);
                }
            }

            var killedAt = TimeSpan.Zero;
            var next = 0;
            var workers = Enumerable.Range(0, 6).Select(async _ =>
            {
                while (true)
                {
                    var i = Interlocked.Increment(ref next) - 1;
                    if (i >= commands) return;
                    if (i == commands / 3)
                    {
                        killedAt = clock.Elapsed;
                        Console.WriteLine($"Killing node #{projectionsNode + 1} (SIGKILL), which runs the projections, after {i} commands.");
                        dead[projectionsNode] = true;
                        await nodes[projectionsNode].KillAsync();
                    }
                    await Pay(i);
                }
            });
            await Task.WhenAll(workers);

            var survivors = Enumerable.Range(0, 3).Where(n => n != projectionsNode).ToList();
            var takenOver = await WaitForAgentAsync(survivors.Select(n => clients[n]).ToList(), admin, "event-subscriptions://", limit - clock.Elapsed);
            var failover = clock.Elapsed - killedAt;
            Console.WriteLine($"  projections running on node #{survivors[takenOver] + 1}, {failover.TotalSeconds:0} s after the kill (at most; measured after the command stream).");

            Console.WriteLine($"Restarting node #{projectionsNode + 1}.");
            await nodes[projectionsNode].StartAsync();
            dead.TryRemove(projectionsNode, out _);

            // Caught up: the trail's progress reaches the high-water mark.
            await using var conn = new NpgsqlConnection(pg.ConnectionString);
            await conn.OpenAsync();
            var caughtUp = false;
            for (var i = 0; i < 120 && !caughtUp; i++)
            {
                await using var cmd = new NpgsqlCommand("select (select max(seq_id) from funds.mt_events) <= coalesce((select last_seq_id from funds.mt_event_progression where name like '%FundMovement%'), 0)", conn);
                caughtUp = (bool)(await cmd.ExecuteScalarAsync())!;
                if (!caughtUp) await Task.Delay(500);
            }
            // Give the escalation agent its scan (it runs when assigned and every minute).
            long missed = 0;
            for (var i = 0; i < 150 && missed < pairs.Count; i++)
            {
                await using var cmd = new NpgsqlCommand("select count(distinct stream_id) from funds.mt_events where type = 'deadline_missed' and data->>'ruleId' = '2019-new-completion'", conn);
                missed = (long)(await cmd.ExecuteScalarAsync())!;
                if (missed < pairs.Count) await Task.Delay(1000);
            }

            var stored = new List<string>();
            await using (var cmd = new NpgsqlCommand("select data->>'voucherNo' from funds.mt_events where type = 'funds_disbursed'", conn))
            await using (var reader = await cmd.ExecuteReaderAsync())
                while (await reader.ReadAsync()) stored.Add(reader.GetString(0));
            var duplicates = stored.Count - stored.Distinct().Count();
            var missing = acknowledged.Keys.Except(stored).Count();
            long escalationDuplicates;
            await using (var cmd = new NpgsqlCommand("select count(*) - count(distinct (stream_id, data->>'ruleId')) from funds.mt_events where type = 'deadline_missed'", conn))
                escalationDuplicates = (long)(await cmd.ExecuteScalarAsync())!;

            var alive = clients[survivors[0]];
            var reconciliation = await GetAsync(alive, admin, HttpMethod.Post, "/api/admin/reconciliation");
            var auditor = await ApiProcess.TokenAsync(alive, new { role = "auditor" });
            var chain = await GetAsync(alive, auditor, HttpMethod.Get, "/api/audit/integrity");

            Console.WriteLine();
            Console.WriteLine("| figure | value |");
            Console.WriteLine("|---|---|");
            foreach (var (k, v) in figures.OrderBy(f => f.Key)) Console.WriteLine($"| {k} | {v} |");
            Console.WriteLine($"| payments found in the store | {stored.Count} |");
            Console.WriteLine($"| duplicates in the store | {duplicates} |");
            Console.WriteLine($"| acknowledged but missing | {missing} |");
            Console.WriteLine($"| projections moved to a survivor within | {failover.TotalSeconds:0} s |");
            Console.WriteLine($"| money trail caught up after the restart | {caughtUp} |");
            Console.WriteLine($"| projects escalated (2019-new-completion), of {pairs.Count} | {missed} |");
            Console.WriteLine($"| duplicate DeadlineMissed across the cluster | {escalationDuplicates} |");
            Console.WriteLine($"| reconciliation consistent | {reconciliation["consistent"]} |");
            Console.WriteLine($"| hash chains intact | {chain["intact"]} |");
            Console.WriteLine($"| wall time | {clock.Elapsed.TotalSeconds:0} s |");

            var ok = duplicates == 0 && missing == 0 && figures.GetValueOrDefault("acknowledged") == commands && caughtUp
                     && missed == pairs.Count && escalationDuplicates == 0 && (bool)reconciliation["consistent"]! && (bool)chain["intact"]!
                     && !figures.Keys.Any(k => k.StartsWith("answered 5"));
            Console.WriteLine(ok ? "RESULT: pass" : "RESULT: FAIL");
            return ok ? 0 : 1;
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }

    /// <summary>Which of the nodes runs an agent whose URI starts with <paramref name="prefix"/> (from each node's /health, read as admin).</summary>
    private static async Task<int> WaitForAgentAsync(IReadOnlyList<HttpClient> clients, string admin, string prefix, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (DateTime.UtcNow < until)
        {
            for (var n = 0; n < clients.Count; n++)
            {
                try
                {
                    var health = await GetAsync(clients[n], admin, HttpMethod.Get, "/health");
                    if (health["checks"]?["cluster"]?["data"]?["agents"]?.AsArray().Any(a => ((string)a!).StartsWith(prefix)) == true) return n;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"No node runs {prefix} agents.");
    }

    private static async Task<JsonNode> GetAsync(HttpClient http, string token, HttpMethod method, string url)
    {
        using var request = new HttpRequestMessage(method, url);
        if (method == HttpMethod.Post) request.Content = JsonContent.Create(new { });
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
