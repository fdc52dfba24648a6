using System.Net.Http.Headers;
using Funds.IntegrationTests.Infrastructure;
using Funds.Testing;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>The API as an application role, the schema made by an owner role: a real process on a database of its own.</summary>
public class LeastPrivilegeTests
{
    [Fact]
    public async Task the_api_works_as_an_application_role_that_can_change_no_schema_and_no_stored_event()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        string owner = $"funds_owner_{suffix}", role = $"funds_app_{suffix}", database = $"funds_lp_{suffix}";
        await using (var admin = new NpgsqlConnection(TestServer.ConnectionString))
        {
            await admin.OpenAsync();
            await Exec(admin, $"create role {owner} login password 'owner-pw'; create role {role} login password 'app-pw'");
            await Exec(admin, $"create database {database} owner {owner}");
        }
        string As(string user, string password) => new NpgsqlConnectionStringBuilder(TestServer.ConnectionString)
            { Database = database, Username = user, Password = password, Pooling = false }.ConnectionString;

        using var api = new ApiProcess(As(role, "app-pw"), new Dictionary<string, string>
        {
            ["ConnectionStrings__FundsOwner"] = As(owner, "owner-pw"),
            ["Funds__Deadlines__Escalate"] = "false",
        });
        await api.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(api.BaseUrl) };
        var hq = await ApiProcess.TokenAsync(http, new { role = "township-hq", township = "官店镇" });
        var finance = await ApiProcess.TokenAsync(http, new { role = "finance" });
        var admin2 = await ApiProcess.TokenAsync(http, new { role = "admin" });

        await ApiProcess.PostAsync(http, admin2, "/api/villages", new { township = "官店镇", name = "黄坪村", status = "Poor", registeredOn = "2017-01-01" });
        var project = (string)(await ApiProcess.PostAsync(http, hq, "/api/projects", new { kind = "Infrastructure", category = "road", name = "最小权限测试公路", township = "官店镇", village = "黄坪村", planYear = 2019, registeredOn = "2019-01-10" }))["id"]!;
        await ApiProcess.PostAsync(http, hq, $"/api/projects/{project}/screening", ProjectDriver.Screening());
        await ApiProcess.PostAsync(http, hq, $"/api/projects/{project}/assessment", ProjectDriver.Assessment(100_000m));
        await ApiProcess.PostAsync(http, finance, $"/api/projects/{project}/approval", new { approvalDocumentNo = "LP-1", approvedBudget = 100_000m, approvedBy = "县领导小组", approvedOn = "2019-02-01" });
        await ApiProcess.PostAsync(http, hq, $"/api/projects/{project}/builder", new { builderName = "恩施州路桥建设有限公司", creditCode = "91422822MA4955XK21", method = "PublicTender", reference = "ZB-LP", contractAmount = 100_000m, selectedOn = "2019-02-20" });
        var source = (string)(await ApiProcess.PostAsync(http, finance, "/api/fund-sources", new { name = "最小权限测试资金", kind = "CountyFiscal", fiscalYear = 2019, documentRef = "LP-F-1", registeredOn = "2019-01-05" }))["id"]!;
        await ApiProcess.PostAsync(http, finance, $"/api/fund-sources/{source}/receipts", new { amount = 100_000m, documentRef = "LP-F-2", receivedOn = "2019-01-20" });
        await ApiProcess.PostAsync(http, finance, $"/api/fund-sources/{source}/allocations", new { projectId = project, amount = 100_000m, documentRef = "LP-F-3", allocatedOn = "2019-02-10" });
        await ApiProcess.PostAsync(http, finance, $"/api/projects/{project}/disbursements", new { fundSourceId = source, amount = 10_000m, kind = "Progress", voucherNo = "LP-V-1", paidOn = "2019-04-01" });
        await ApiProcess.PostAsync(http, admin2, "/api/admin/projections/rebuild", new { });
        using (var integrity = new HttpRequestMessage(HttpMethod.Get, $"/api/audit/integrity"))
        {
            integrity.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ApiProcess.TokenAsync(http, new { role = "auditor" }));
            var answer = await http.SendAsync(integrity);
            Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
            Assert.Contains("\"intact\":true", await answer.Content.ReadAsStringAsync());
        }

        await using var app = new NpgsqlConnection(As(role, "app-pw"));
        await app.OpenAsync();
        Assert.Equal(0L, await Scalar<long>(app, $"select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'funds' and c.relowner = (select oid from pg_roles where rolname = '{role}')"));
        Assert.True(await Scalar<long>(app, "select count(*) from funds.mt_events") >= 6);
        foreach (var sql in new[]
                 {
                     "update funds.mt_events set data = data",
                     "delete from funds.mt_events",
                     "truncate funds.mt_events",
                     "update funds.funds_event_hashes set hash = hash",
                     "insert into funds.funds_event_hashes (seq_id, stream_id, version, hash, algorithm) values (-1, gen_random_uuid(), 1, 'x', 2)",
                     "alter table funds.mt_events disable trigger all",
                     "drop trigger funds_chain_events on funds.mt_events",
                     "create table funds.intruder (id int)",
                 })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => Exec(app, sql));
            Assert.Equal("42501", e.SqlState);
            Assert.Matches("permission denied|must be owner", e.MessageText);
        }
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
