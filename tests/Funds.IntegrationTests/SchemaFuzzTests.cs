using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Funds.Domain.Access;
using Funds.IntegrationTests.Fuzzing;
using Funds.IntegrationTests.Infrastructure;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>The fuzz battery watches every event of the database, so it runs alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(Alone), DisableParallelization = true)]
public sealed class Alone;

/// <summary>Schema-driven fuzzing over every route of the running app's OpenAPI document (issue 16). Invariants for
/// every generated request: never a 5xx; every rejection an RFC 9457 problem (application/problem+json with
/// type, title and status); nothing appended on a rejection, a replay or a read (no new mt_events row, stream
/// versions unchanged); Chinese text in an accepted creation reads back exactly. 5,000 cases by default;
/// <c>FUNDS_FUZZ_CASES=100000</c> (and <c>FUNDS_FUZZ_SEED</c> to replay) for a longer run.</summary>
[Collection(nameof(Alone))]
public class SchemaFuzzTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task every_route_survives_generated_requests()
    {
        var cases = long.Parse(Environment.GetEnvironmentVariable("FUNDS_FUZZ_CASES") ?? "5000");
        var (gen, battery) = await Prepare();
        var started = DateTimeOffset.UtcNow;
        await using var _ = battery;
        await gen.Cases().SampleAsync(battery.Check, iter: cases, threads: 1,
            seed: Environment.GetEnvironmentVariable("FUNDS_FUZZ_SEED"), print: c => c.ToString(), writeLine: s => TestContext.Current.TestOutputHelper?.WriteLine(s));
        var elapsed = DateTimeOffset.UtcNow - started;
        Assert.True(battery.Sent >= cases, $"sent {battery.Sent}");
        if (Environment.GetEnvironmentVariable("FUNDS_FUZZ_STATS") is { Length: > 0 } stats)
            File.WriteAllText(stats, $"{elapsed} ({battery.SendTime} in requests), {battery.Accepted} accepted; {string.Join(", ", battery.Statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))}");
        Assert.True(battery.Accepted > 0, "no generated request was accepted: the generator never got past validation");
        TestContext.Current.TestOutputHelper?.WriteLine($"fuzz: {battery.Sent} requests, {battery.Accepted} accepted, statuses {string.Join(", ", battery.Statuses.OrderBy(k => k.Key).Select(k => $"{k.Key}×{k.Value}"))} in {elapsed.TotalSeconds:0} s");
    }

    private async Task<(RequestGen, FuzzBattery)> Prepare()
    {
        var p = Projects(UniqueName("官店镇"));
        var registered = await p.Register();
        var approved = await p.RegisteredAndApproved();
        var industry = await p.Register(p.Registration(kind: "Industry", category: "cooperative"));
        await p.Approve(industry);
        var (funded, source) = await Funds.FundedProject(p);
        var completed = await p.Completed();
        var signed = await p.Completed();
        await p.SignOff(signed);
        var finding = Guid.Parse((string)Json(await Post("/api/findings", new { source = "Audit", description = "资料不全", projectId = funded, deadline = "2020-03-01" }, 201, Auditor))["id"]!);
        var other = await Funds.Source(received: 50_000m, name: "2019年县级配套资金", kind: "CountyFiscal");

        var tokens = Roles.All.ToDictionary(r => r, r => Roles.IsProvincial(r) ? App.ProvinceToken(r, "42")
            : App.Token(r, r == Roles.TownshipHq ? p.Township : Roles.ReachOf(r) == Reach.Village ? Roles.VillageScope(p.Township, p.Village) : null));
        tokens["garbage"] = "eyJhbGciOiJIUzI1NiJ9.e30.garbage";
        var world = new FuzzWorld(p.Township, p.Village, [registered, approved, industry, funded, completed, signed], [source, other], [finding], tokens);
        var document = Json(await Get("/swagger/v1/swagger.json"));
        return (new RequestGen(new OpenApiOperations(document), world), await FuzzBattery.StartAsync(App, world));
    }
}

/// <summary>Sends a generated request and checks the invariants.</summary>
public sealed class FuzzBattery : IAsyncDisposable
{
    private readonly HttpClient _client;
    private readonly NpgsqlConnection _db;
    private readonly FuzzWorld _world;
    private (long Events, long Versions) _counts;

    public long Sent { get; private set; }
    public long Accepted { get; private set; }
    public Dictionary<int, int> Statuses { get; } = [];
    public TimeSpan SendTime { get; private set; }

    private FuzzBattery(HttpClient client, NpgsqlConnection db, FuzzWorld world) => (_client, _db, _world) = (client, db, world);

    public static async Task<FuzzBattery> StartAsync(FundsApp app, FuzzWorld world)
    {
        var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        var battery = new FuzzBattery(app.Host.Server.CreateClient(), db, world);
        battery._counts = await battery.CountAsync();
        return battery;
    }

    /// <summary>The highest event sequence number (every append takes a new, higher one: an index lookup, where
    /// counting the rows would scan them) and the sum of every stream's version, in all counties.</summary>
    private async Task<(long, long)> CountAsync()
    {
        await using var cmd = new NpgsqlCommand("select (select coalesce(max(seq_id), 0) from funds.mt_events), (select coalesce(sum(version), 0) from funds.mt_streams)", _db);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task Check(FuzzCase c)
    {
        var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
        if (c.Caller is not ("none" or "anonymous")) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _world.Tokens[c.Caller]);
        if (c.Csv) request.Headers.Accept.ParseAdd("text/csv");
        if (c.IdempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", c.IdempotencyKey);
        if (c.IfMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", c.IfMatch);
        if (c.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(c.Body);
            if (c.BrokenUtf8) bytes = [.. bytes[..(bytes.Length / 2)], 0xC3, 0x28, 0xFF, .. bytes[(bytes.Length / 2)..]];
            request.Content = new ByteArrayContent(bytes);
            if (c.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
        }
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        SendTime += watch.Elapsed;
        var before = _counts;
        _counts = await CountAsync();

        Sent++;
        Statuses[status] = Statuses.GetValueOrDefault(status) + 1;

        Assert.True(status < 500, $"{status}: {Cut(text)}");
        if (status >= 400)
        {
            Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{status} as {response.Content.Headers.ContentType}: {Cut(text)}");
            var problem = JsonNode.Parse(text) as JsonObject;
            Assert.True(problem?["type"] is JsonValue && problem["title"] is JsonValue && (int?)problem["status"] == status, $"not a problem: {Cut(text)}");
        }
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var r) && r.Contains("true");
        if (status >= 400 || c.Method == "GET" || replayed)
            Assert.True(before == _counts, $"{status}{(replayed ? " (replayed)" : "")} changed the store: events/versions {before} -> {_counts}");
        if (status < 300 && c.Method == "POST") Accepted++;
        if (status == 201 && response.Headers.Location is { } location && JsonNode.Parse(c.Body!) is JsonObject sent)
            await RoundTrips(c, sent, location);
    }

    /// <summary>Chinese text of an accepted creation reads back exactly as sent.</summary>
    private async Task RoundTrips(FuzzCase c, JsonObject sent, Uri location)
    {
        var read = new HttpRequestMessage(HttpMethod.Get, location);
        read.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _world.Tokens[Roles.Auditor]);
        var stored = JsonNode.Parse(await (await _client.SendAsync(read)).Content.ReadAsStringAsync())!.AsObject();
        foreach (var field in new[] { "name", "description", "documentRef" })
            if (sent[field] is JsonValue v && v.TryGetValue<string>(out var s) && s.Any(ch => ch > 0x7f) && s == s.Trim())
                Assert.True(s == (string?)stored[field], $"{field} sent as {s} reads back as {stored[field]}");
    }

    private static string Cut(string s) => s.Length > 1500 ? s[..1500] + "…" : s;

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _db.DisposeAsync();
    }
}
