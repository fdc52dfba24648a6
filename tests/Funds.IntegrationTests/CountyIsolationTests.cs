using Npgsql;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Funds.IntegrationTests;

/// <summary>Counties are tenants: a county's users never see or touch another county's records, whether the
/// counties share tables or each has its own database. Both counties get the same township and village names,
/// so nothing but the county keeps them apart.</summary>
public class CountyIsolationTests(FundsApp app, DatabasePerCountyApp perCounty) : IntegrationTest(app), IClassFixture<DatabasePerCountyApp>
{
    public static TheoryData<string> Modes => ["conjoined", "database-per-county"];

    private sealed record Seeded(Guid Project, Guid Source, Guid Finding, string Marker, string PayeeCode, Guid Village = default, Guid Household = default, string HouseholdCode = "");

    private (IAlbaHost Host, Func<string, string, string?, string> Token) Deployment(string mode) => mode == "conjoined"
        ? (Host, (role, county, scope) => App.Token(role, scope, county: county))
        : (perCounty.Host, (role, county, scope) => perCounty.Token(role, county, scope));

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task a_county_user_never_reads_or_writes_another_county_s_records(string mode)
    {
        var (host, token) = Deployment(mode);
        var township = UniqueName("官店镇");
        var a = await Seed(host, token, FundsApp.County, township, NewCreditCode());
        var b = await Seed(host, token, FundsApp.OtherCounty, township, NewCreditCode());
        foreach (var database in await host.Services.GetRequiredService<IDocumentStore>().Storage.AllDatabases())
            await database.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));

        var client = host.Server.CreateClient();
        var routes = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/") && !e.RoutePattern.RawText.StartsWith("/api/province") && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        var checkedRoutes = 0;
        foreach (var endpoint in routes)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();
            var roles = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().SelectMany(x => x.Roles?.Split(',') ?? []).ToList();
            var role = Roles.County.FirstOrDefault(roles.Contains);
            if (role is null) continue;
            var scope = Roles.ReachOf(role) switch { Reach.Township => township, Reach.Village => Roles.VillageScope(township, "黄坪村"), _ => null };
            var asA = token(role, FundsApp.County, scope);
            var hasId = endpoint.RoutePattern.Parameters.Count > 0;
            if (method == "POST" && !hasId) continue;   // creates in the caller's own county, or is county-wide

            var (status, body) = await Send(client, method, Url(endpoint.RoutePattern, b), asA);
            if (hasId)
                Assert.True(status == 404, $"{method} {endpoint.RoutePattern.RawText} with county B's id as county A's {role}: {status} {body}");
            else
            {
                Assert.True(status < 500, $"{method} {endpoint.RoutePattern.RawText}: {status} {body}");
                foreach (var leak in new[] { b.Project.ToString(), b.Source.ToString(), b.Finding.ToString(), b.Marker, b.PayeeCode, b.Village.ToString(), b.Household.ToString(), b.HouseholdCode })
                    Assert.False(body.Contains(leak), $"{method} {endpoint.RoutePattern.RawText} as county A's {role} shows county B's {leak}");
            }
            checkedRoutes++;
        }
        Assert.True(checkedRoutes > 25, $"only {checkedRoutes} routes checked");

        // Each county still sees its own.
        var (own, ownBody) = await Send(client, "GET", $"/api/projects/{a.Project}", token(Roles.Auditor, FundsApp.County, null));
        Assert.True(own == 200 && ownBody.Contains(a.Marker), ownBody);
        Assert.Equal(200, (await Send(client, "GET", $"/api/projects/{b.Project}", token(Roles.Auditor, FundsApp.OtherCounty, null))).Status);
        // A county role cannot ask for another county, and a token for a county not served is refused.
        Assert.Equal(403, (await Send(client, "GET", $"/api/projects?county={FundsApp.OtherCounty}", token(Roles.Auditor, FundsApp.County, null))).Status);
        Assert.Equal(403, (await Send(client, "GET", "/api/projects", token(Roles.Auditor, "110101", null))).Status);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task a_voucher_number_is_unique_within_its_county_only(string mode)
    {
        var (host, token) = Deployment(mode);
        var township = UniqueName("高坪镇");
        var voucher = "JSCZ-" + Guid.NewGuid().ToString("N")[..8];
        var a = await Seed(host, token, FundsApp.County, township, ProjectDriver.BuilderCode, voucher);
        var b = await Seed(host, token, FundsApp.OtherCounty, township, ProjectDriver.BuilderCode, voucher);
        var client = host.Server.CreateClient();
        var again = await Send(client, "POST", $"/api/projects/{a.Project}/disbursements", token(Roles.Finance, FundsApp.County, null),
            $$"""{"fundSourceId":"{{a.Source}}","amount":1.00,"kind":"Progress","voucherNo":"{{voucher}}","paidOn":"2019-04-02"}""");
        Assert.Equal(409, again.Status);
        Assert.Contains("voucher-already-used", again.Body);
        Assert.NotEqual(a.Project, b.Project);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task provincial_roles_read_the_counties_of_their_province_and_write_nothing(string mode)
    {
        var (host, token) = Deployment(mode);
        string Provincial(string role, string province) => mode == "conjoined" ? App.ProvinceToken(role, province) : perCounty.ProvinceToken(role, province);
        var township = UniqueName("景阳镇");
        var hubei = await Seed(host, token, FundsApp.County, township, NewCreditCode());
        await Seed(host, token, FundsApp.OtherCounty, township, NewCreditCode());
        var client = host.Server.CreateClient();
        var provincial = Provincial(Roles.ProvinceAuditor, "42");

        Assert.Equal(400, (await Send(client, "GET", $"/api/projects/{hubei.Project}", provincial)).Status);   // which county?
        Assert.Equal(200, (await Send(client, "GET", $"/api/projects/{hubei.Project}?county={FundsApp.County}", provincial)).Status);
        Assert.Equal(200, (await Send(client, "GET", $"/api/projects/{hubei.Project}/history?county={FundsApp.County}", provincial)).Status);
        Assert.Equal(200, (await Send(client, "GET", $"/api/audit/integrity?county={FundsApp.County}", provincial)).Status);
        Assert.Equal(403, (await Send(client, "GET", $"/api/projects?county={FundsApp.OtherCounty}", provincial)).Status);   // Shandong
        Assert.Equal(404, (await Send(client, "GET", "/api/projects?county=429999", provincial)).Status);
        Assert.Equal(403, (await Send(client, "POST", $"/api/projects/{hubei.Project}/approval?county={FundsApp.County}", Provincial(Roles.ProvinceFinance, "42"), "{}")).Status);

        var funds = JsonNode.Parse((await Send(client, "GET", "/api/province/reports/funds", Provincial(Roles.ProvinceFinance, "42"))).Body)!;
        var counties = funds["counties"]!.AsArray();
        Assert.Equal([FundsApp.County], counties.Select(c => (string)c!["county"]!));
        Assert.True((decimal)counties[0]!["disbursed"]! >= 100_000m);
        var deadlines = JsonNode.Parse((await Send(client, "GET", "/api/province/deadlines/summary?asOf=2019-10-01", Provincial(Roles.ProvinceSupervisor, "37"))).Body)!;
        var shandong = Assert.Single(deadlines["counties"]!.AsArray());
        Assert.Equal(FundsApp.OtherCounty, (string)shandong!["county"]!);
        Assert.True((int)shandong["counts"]!["total"]! >= 2);
        Assert.Equal(403, (await Send(client, "GET", "/api/province/reports/funds", token(Roles.Finance, FundsApp.County, null))).Status);
    }

    /// <summary>A project registered, approved, under contract, funded, paid once; a fund source; a finding.</summary>
    [Fact]
    public async Task a_rebuild_restores_every_county_database_s_read_models_in_one_pass_each()
    {
        var township = UniqueName("红岩寺镇");
        var a = await Seed(perCounty.Host, perCounty.Token, FundsApp.County, township, NewCreditCode());
        var b = await Seed(perCounty.Host, perCounty.Token, FundsApp.OtherCounty, township, NewCreditCode());
        var databases = await perCounty.Host.Services.GetRequiredService<IDocumentStore>().Storage.AllDatabases();
        Assert.Equal(2, databases.Count);
        foreach (var database in databases)
        {
            await database.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
            await using var conn = database.CreateConnection();
            await conn.OpenAsync();
            await new NpgsqlCommand("delete from funds.mt_doc_project; delete from funds.mt_doc_fundmovement_" + global::Funds.Projections.Money.FundMovementProjection.CurrentVersion, conn).ExecuteNonQueryAsync();
        }

        var client = perCounty.Host.Server.CreateClient();
        var (status, body) = await Send(client, "POST", "/api/admin/projections/rebuild", perCounty.Token(Roles.Admin, FundsApp.County));
        Assert.True(status == 200, body);
        foreach (var (county, seeded) in new[] { (FundsApp.County, a), (FundsApp.OtherCounty, b) })
        {
            var auditor = perCounty.Token(Roles.Auditor, county);
            var (projectStatus, project) = await Send(client, "GET", $"/api/projects/{seeded.Project}", auditor);
            Assert.True(projectStatus == 200 && project.Contains(seeded.Marker), $"{county}: {projectStatus} {project}");
            var (trailStatus, trail) = await Send(client, "GET", $"/api/projects/{seeded.Project}/trail", auditor);
            Assert.True(trailStatus == 200 && trail.Contains("100000"), $"{county}: {trailStatus} {trail}");
        }
        foreach (var database in databases)
        {
            await using var conn = database.CreateConnection();
            await conn.OpenAsync();
            await using var progress = new NpgsqlCommand("select name, last_seq_id from funds.mt_event_progression where name in ('HighWaterMark', @all)", conn);
            progress.Parameters.AddWithValue("all", global::Funds.Projections.FundsProjections.AllReadModels + ":All");
            var rows = new Dictionary<string, long>();
            await using (var reader = await progress.ExecuteReaderAsync())
                while (await reader.ReadAsync()) rows[reader.GetString(0)] = reader.GetInt64(1);
            Assert.Equal(rows["HighWaterMark"], rows[global::Funds.Projections.FundsProjections.AllReadModels + ":All"]);
        }
    }

    private static async Task<Seeded> Seed(IAlbaHost host, Func<string, string, string?, string> token, string county, string township, string builderCode, string? voucher = null)
    {
        var client = host.Server.CreateClient();
        var marker = $"项目-{county}-{Guid.NewGuid().ToString("N")[..6]}";
        var hq = token(Roles.TownshipHq, county, township);
        var finance = token(Roles.Finance, county, null);
        async Task<JsonNode> Post(string url, string tok, object body, int status)
        {
            var (code, text) = await Send(client, "POST", url, tok, System.Text.Json.JsonSerializer.Serialize(body));
            Assert.True(code == status, $"POST {url} in {county}: {code} {text}");
            return JsonNode.Parse(text)!;
        }
        var village = Guid.Parse((string)(await Post("/api/villages", token(Roles.Admin, county, null), new { township, name = "黄坪村", status = "Poor", registeredOn = "2017-01-01" }, 201))["id"]!);
        var project = Guid.Parse((string)(await Post("/api/projects", hq, new { kind = "Infrastructure", category = "road", name = marker, township, village = "黄坪村", planYear = 2019, registeredOn = "2019-01-10" }, 201))["id"]!);
        await Post($"/api/projects/{project}/screening", hq, ProjectDriver.Screening(), 200);
        await Post($"/api/projects/{project}/assessment", hq, ProjectDriver.Assessment(), 200);
        await Post($"/api/projects/{project}/approval", finance, new { approvalDocumentNo = "建扶发〔2019〕12号", approvedBudget = 1_000_000m, approvedBy = "县扶贫开发领导小组", approvedOn = "2019-02-01" }, 200);
        await Post($"/api/projects/{project}/builder", hq, ProjectDriver.Builder(900_000m, code: builderCode), 200);
        var source = Guid.Parse((string)(await Post("/api/fund-sources", finance, new { name = marker + "资金", kind = "SpecialPovertyFund", fiscalYear = 2019, documentRef = "鄂财农发〔2019〕1号", registeredOn = "2019-01-05" }, 201))["id"]!);
        await Post($"/api/fund-sources/{source}/receipts", finance, new { amount = 500_000m, documentRef = "到位1号", receivedOn = "2019-01-20" }, 200);
        await Post($"/api/fund-sources/{source}/allocations", finance, new { projectId = project, amount = 500_000m, documentRef = "建财预〔2019〕8号", allocatedOn = "2019-02-10" }, 200);
        await Post($"/api/projects/{project}/disbursements", finance, FundDriver.Payment(source, 100_000m, voucher ?? FundDriver.Voucher()), 200);
        var finding = Guid.Parse((string)(await Post("/api/findings", token(Roles.Auditor, county, null),
            new { source = "Audit", description = marker + "问题", projectId = project, deadline = "2019-11-30", raisedOn = "2019-10-08" }, 201))["id"]!);
        // a household of the village, with a loan and an interest subsidy: its code marks it in any list
        var code = $"HH-{county}-{Guid.NewGuid().ToString("N")[..8]}";
        var identity = global::Funds.Domain.Common.IdentityNumbers.Complete($"{county}19{Random.Shared.Next(40, 99)}{Random.Shared.Next(1, 12):00}{Random.Shared.Next(10, 28)}{Random.Shared.Next(100, 999)}");
        var household = Guid.Parse((string)(await Post("/api/households", hq, new { code, township, village = "黄坪村", headName = marker + "户主", identityNumber = identity,
            size = 3, labourMembers = 2, status = "Poor", effectiveOn = "2015-01-01" }, 201))["id"]!);
        var loan = (string)(await Post($"/api/households/{household}/loans", finance, new { bank = "农商银行", contractNo = code + "-XD", amount = 20_000m, termMonths = 12,
            purpose = "发展茶叶", issuedOn = "2019-03-01" }, 200))["loans"]![0]!["loanId"]!;
        await Post($"/api/fund-sources/{source}/receipts", finance, new { amount = 1_000m, documentRef = "到位2号", receivedOn = "2019-06-20" }, 200);
        await Post($"/api/fund-sources/{source}/interest-subsidies", finance, new { householdId = household, loanId = loan, period = "2019年度", amount = 300m,
            voucherNo = FundDriver.Voucher(), paidOn = "2019-12-20" }, 200);
        return new Seeded(project, source, finding, marker, builderCode, village, household, code);
    }

    /// <summary>A valid unified social credit code no other test uses.</summary>
    private static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return global::Funds.Domain.Common.CreditCode.Complete("91422822MA" + new string(Enumerable.Range(0, 7).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]).ToArray()));
    }

    private static string Url(RoutePattern pattern, Seeded b)
    {
        var raw = pattern.RawText!;
        var id = raw.StartsWith("/api/fund-sources") ? b.Source : raw.StartsWith("/api/findings") ? b.Finding
            : raw.StartsWith("/api/households") ? b.Household : raw.StartsWith("/api/villages") ? b.Village : b.Project;
        return "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternParameterPart { Name: "creditCode" } => b.PayeeCode,
            _ => id.ToString(),
        }))));
    }

    private static async Task<(int Status, string Body)> Send(HttpClient client, string method, string url, string token, string body = "{}")
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST") request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
