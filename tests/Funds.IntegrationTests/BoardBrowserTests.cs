using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Funds.Api.Audit;
using Funds.Api.Hosting;
using Funds.Demo;
using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.IntegrationTests.Infrastructure;
using Funds.Testing;
using Marten;
using Marten.Events;
using Microsoft.Playwright;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>The demo county in a database of its own, served by the API as a separate process on a loopback port,
/// and Debian's Chromium (headless, driven by Playwright; no browser is downloaded) looking at the board.</summary>
public sealed class BoardApp : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public ApiProcess Api { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = "funds_board_" + Guid.NewGuid().ToString("N")[..8];
        await using (var conn = new NpgsqlConnection(TestServer.ConnectionString))
        {
            await conn.OpenAsync();
            await using var create = new NpgsqlCommand($"create database {_database}", conn);
            await create.ExecuteNonQueryAsync();
        }
        var connectionString = new NpgsqlConnectionStringBuilder(TestServer.ConnectionString) { Database = _database }.ConnectionString;
        var tenancy = new TenancyOptions { Counties = [new CountyOptions { Code = DemoCountyShape.Jianshi.Code, Name = "建始县" }, new CountyOptions { Code = "370402", Name = "枣庄市市中区" }] };
        using (IDocumentStore store = DocumentStore.For(o => FundsStore.Configure(o, connectionString, tenancy)))
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using (var conn = new NpgsqlConnection(connectionString))
            {
                await conn.OpenAsync();
                await using var ddl = new NpgsqlCommand(EventChain.Ddl(FundsStore.Schema), conn);
                await ddl.ExecuteNonQueryAsync();
            }
            await DemoCounty.SeedAsync(store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, default);
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();
            await store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(2));
            await daemon.StopAllAsync();
        }
        Api = new ApiProcess(connectionString, new Dictionary<string, string> { ["Funds__Deadlines__Escalate"] = "false" });
        await Api.StartAsync();
        Http = new HttpClient { BaseAddress = new Uri(Api.BaseUrl) };
    }

    public async Task<HttpClient> As(string role)
    {
        var client = new HttpClient { BaseAddress = new Uri(Api.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiProcess.TokenAsync(Http, new { role, county = "422822" }));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        Api?.Dispose();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(TestServer.ConnectionString);
        await conn.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {_database} with (force)", conn);
        await drop.ExecuteNonQueryAsync();
    }
}

public class BoardBrowserTests(BoardApp site) : IClassFixture<BoardApp>
{
    private static readonly string Screenshots = Path.Combine(RepositoryRoot(), "TestResults", "board");

    [Fact]
    public async Task every_page_of_the_board_shows_the_demo_countys_numbers_without_console_errors()
    {
        Assert.True(File.Exists(BoardApp.Chromium), "The board is tested in Debian's chromium: apt-get install -y chromium (.ci/run installs it when missing).");
        Directory.CreateDirectory(Screenshots);
        var auditor = await site.As("auditor");

        using var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("funds-board-chromium-");
        await using var browser = await playwright.Chromium.LaunchPersistentContextAsync(profile.FullName, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = BoardApp.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "zh-CN",
        });
        try
        {
            var page = browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console: {m.Text}"); };
            page.PageError += (_, e) => errors.Add($"page: {e}");
            page.RequestFailed += (_, r) => errors.Add($"request failed: {r.Url}");
            var foreign = new List<string>();
            page.Request += (_, r) => { if (!r.Url.StartsWith(site.Api.BaseUrl, StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) foreign.Add(r.Url); };

            // sign in with the role picker (Development: POST /api/dev/token)
            await page.GotoAsync(site.Api.BaseUrl + "/board");
            await page.Locator("#signin").WaitForAsync();
            await page.SelectOptionAsync("#role", "auditor");
            await page.SelectOptionAsync("#county", "422822");
            await page.ClickAsync("#devtoken");
            await Ready(page, "deadlines");

            // the deadline board as of 1 July 2019, and as it was known that evening
            var summary = await Json(auditor, "/api/deadlines/summary?asOf=2019-07-01");
            await Open(page, "deadlines?asOf=2019-07-01", "deadlines");
            Assert.Equal((string)summary["totals"]!["total"]!.ToString(), await Text(page, "[data-total]"));
            Assert.Equal(summary["totals"]!["missed"]!.ToString(), await Text(page, "[data-missed]"));
            var firstTownship = (string)summary["byTownship"]![0]!["township"]!;
            await page.ClickAsync($"tr[data-township='{firstTownship}']");
            await page.Locator("tr.detail:not([hidden]) .village a.project").First.WaitForAsync();
            await Shot(page, "deadlines");

            var known = await Json(auditor, "/api/deadlines/summary?asOf=2019-07-01&knownAt=" + Uri.EscapeDataString("2019-07-01T23:59:00+08:00"));
            await Open(page, "deadlines?asOf=2019-07-01&knownAt=2019-07-01T23:59", "deadlines");
            Assert.Equal(known["totals"]!["total"]!.ToString(), await Text(page, "[data-total]"));
            Assert.Equal(known["totals"]!["missed"]!.ToString(), await Text(page, "[data-missed]"));
            await Shot(page, "deadlines-known-at");

            // a project: its timeline, money, deadlines and integrity
            var settled = (await Json(auditor, $"/api/projects?township={Uri.EscapeDataString("官店镇")}&status=Settled&pageSize=1"))["items"]![0]!;
            var id = (string)settled["id"]!;
            var project = await Json(auditor, $"/api/projects/{id}");
            await Open(page, $"project/{id}", "project");
            Assert.Contains((string)project["name"]!, await Text(page, "[data-project-name]"));
            Assert.Equal(Money(project["disbursed"]!), await Text(page, "[data-disbursed]"));
            Assert.Equal(Money((await Json(auditor, $"/api/projects/{id}/trail"))["disbursed"]!), await Text(page, "[data-trail-disbursed]"));
            await page.Locator("[data-intact]").WaitForAsync();
            Assert.True(await page.Locator("#timeline canvas").CountAsync() > 0);
            await Shot(page, "project");

            // fund sources: received → allocated → disbursed, slow money; one source
            var sources = (await Json(auditor, "/api/fund-sources?pageSize=200"))["items"]!.AsArray();
            await Open(page, "sources?asOf=2019-12-31", "sources");
            Assert.Equal(Money(sources.Sum(s => (decimal)s!["received"]!)), await Text(page, "[data-received]"));
            Assert.Equal(Money(sources.Sum(s => (decimal)s!["disbursed"]!)), await Text(page, "[data-disbursed]"));
            var slow = await Json(auditor, "/api/reports/slow-money?asOf=2019-12-31");
            Assert.Equal(slow["averageDaysSignOffToPayment"]!.ToString(), await Text(page, "[data-average-days]"));
            await Shot(page, "sources");

            var source = sources[0]!;
            await Open(page, $"source/{source["id"]}", "source");
            Assert.Equal(Money(source["received"]!), await Text(page, "[data-received]"));
            Assert.Equal(Money(source["disbursed"]!), await Text(page, "[data-disbursed]"));
            await Shot(page, "source");

            // the fund flow of 2019: sources → townships → projects → payees
            var flow = await Json(auditor, "/api/reports/fund-flow?year=2019");
            Assert.True((decimal)flow["disbursed"]! > 0);
            var kinds = flow["nodes"]!.AsArray().ToLookup(n => (string)n!["kind"]!, n => (string)n!["name"]!);
            var links = flow["links"]!.AsArray().Select(l => (From: (string)l!["source"]!, To: (string)l!["target"]!, Value: (decimal)l!["value"]!)).ToList();
            foreach (var (from, to) in new[] { ("source", "township"), ("township", "project"), ("project", "payee") })
                Assert.Equal((decimal)flow["disbursed"]!, links.Where(l => kinds[from].Contains(l.From) && kinds[to].Contains(l.To)).Sum(l => l.Value));
            await Open(page, "flow?year=2019", "flow");
            Assert.Equal(Money(flow["disbursed"]!), await Text(page, "[data-flow-disbursed]"));
            Assert.Equal(flow["payments"]!.ToString(), await Text(page, "[data-flow-payments]"));
            Assert.True(await page.Locator("#sankey canvas").CountAsync() > 0);
            await Shot(page, "flow");

            // a supervisor sees no audit history: the project page says so and shows the steps instead
            await page.EvaluateAsync("t => sessionStorage.setItem('funds.board.token', t)", await ApiProcess.TokenAsync(site.Http, new { role = "supervisor", county = "422822" }));
            await Open(page, $"project/{id}", "project");
            Assert.Equal(Money(project["disbursed"]!), await Text(page, "[data-disbursed]"));
            Assert.Contains("仅审计", await page.InnerTextAsync("main"));
            await Shot(page, "project-supervisor");

            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.True(foreign.Count == 0, "requests to other sites: " + string.Join("\n", foreign));
        }
        finally
        {
            await browser.CloseAsync();
            profile.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task the_board_files_are_public_and_the_api_still_needs_a_token()
    {
        var board = await site.Http.GetAsync("/board/");
        Assert.Equal(200, (int)board.StatusCode);
        Assert.Contains("default-src 'self'", board.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("扶贫项目资金监督看板", await board.Content.ReadAsStringAsync());
        Assert.Equal(200, (int)(await site.Http.GetAsync("/board/vendor/echarts/echarts.min.js")).StatusCode);
        Assert.Contains((int)(await site.Http.GetAsync("/board/nothing-here.js")).StatusCode, new[] { 401, 404 }); // not a board file: the fallback policy answers
        Assert.Equal(401, (int)(await site.Http.GetAsync("/api/reports/fund-flow")).StatusCode);
        Assert.Equal(401, (int)(await site.Http.GetAsync("/api/deadlines/summary")).StatusCode);
    }

    private static string Money(JsonNode value) => Money((decimal)value);
    private static string Money(decimal value) => value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    private static async Task<JsonNode> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task Open(IPage page, string hash, string name)
    {
        await page.EvaluateAsync("h => { document.body.removeAttribute('data-ready'); location.hash = h; }", hash);
        await Ready(page, name);
    }

    private static async Task Ready(IPage page, string name)
    {
        await page.Locator($"body[data-ready='{name}']").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal(0, await page.Locator("[data-error]").CountAsync());
        await page.WaitForTimeoutAsync(600); // charts finish their entry animation before the screenshot
    }

    private static async Task<string> Text(IPage page, string selector) => (await page.Locator(selector).First.InnerTextAsync()).Trim();

    private static Task Shot(IPage page, string name)
        => page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Funds.sln"))) return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
