using System.Text.Json.Nodes;
using Funds.Api.Admin;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;

namespace Funds.IntegrationTests;

public class AuditTests(FundsApp app) : IntegrationTest(app)
{
    private string AuditorToken => App.Token(Roles.Auditor, subject: "shenji-wang");

    [Fact]
    public async Task history_shows_who_did_what_when_with_correlation()
    {
        var p = Projects(UniqueName("官店镇"));
        var id = await p.Register();
        await p.ScreenAndAssess(id, 100m);
        var approved = await Post($"/api/projects/{id}/approval",
            new { approvalDocumentNo = "建扶发〔2019〕3号", approvedBudget = 100m, approvedBy = "县领导小组", approvedOn = "2019-02-01" }, 200,
            App.Token(Roles.Finance, subject: "caiwu-zhao"), s => s.WithRequestHeader("X-Correlation-Id", "ticket-2019-77"));
        var correlation = approved.Context.Response.Headers["X-Correlation-Id"].ToString();
        Assert.NotEqual("ticket-2019-77", correlation);

        var history = Json(await Get($"/api/projects/{id}/history", token: AuditorToken));
        var items = history["items"]!.AsArray();
        Assert.Equal(4, (int)history["total"]!);
        Assert.Equal(["project_registered", "project_screened", "project_assessed", "project_approved"], items.Select(i => (string)i!["type"]!));
        var approval = items[3]!;
        Assert.Equal(("project_approved", 4L, "2019-02-01"), ((string)approval["type"]!, (long)approval["version"]!, (string)approval["businessDate"]!));
        Assert.Equal(("caiwu-zhao", "finance"), ((string)approval["actor"]!["subject"]!, (string)approval["actor"]!["role"]!));
        Assert.Equal(correlation, (string)approval["correlationId"]!);
        Assert.Equal("ticket-2019-77", (string)approval["clientCorrelationId"]!);
        Assert.Contains("/approval", (string)approval["causationId"]!);
        Assert.NotNull(approval["recordedAt"]);
        Assert.Equal(100m, (decimal)approval["data"]!["approvedBudget"]!);

        await Get($"/api/projects/{id}/history", 403, App.Token(Roles.Supervisor));
        await Get($"/api/projects/{Guid.NewGuid()}/history", 404, AuditorToken);

        var byActor = Json(await Get("/api/audit/events?actor=caiwu-zhao&type=project_approved&pageSize=1000", token: AuditorToken));
        Assert.Contains(byActor["items"]!.AsArray(), e => (string)e!["streamId"]! == id.ToString());
    }

    [Fact]
    public async Task a_project_and_a_fund_source_can_be_read_as_they_stood()
    {
        var p = Projects(UniqueName("高坪镇"));
        var id = await p.RegisteredAndApproved();
        await p.SelectBuilder(id);

        var v1 = Json(await Get($"/api/projects/{id}?version=1"));
        Assert.Equal(("Registered", 1), ((string)v1["status"]!, (int)v1["version"]!));
        var v2 = Json(await Get($"/api/projects/{id}?version=2"));
        Assert.Equal(("Registered", true), ((string)v2["status"]!, (bool)v2["screening"]!["included"]!));
        var v4 = Json(await Get($"/api/projects/{id}?version=4"));
        Assert.Equal("Approved", (string)v4["status"]!);
        var now = Json(await Get($"/api/projects/{id}"));
        Assert.Equal("BuilderChosen", (string)now["status"]!);
        // Known at a time before it was registered: it did not exist yet.
        await Get($"/api/projects/{id}?asOf={Uri.EscapeDataString("2019-01-01T00:00:00+08:00")}", 404);
        var known = Json(await Get($"/api/projects/{id}?asOf={Uri.EscapeDataString(App.Clock.GetUtcNow().ToString("O"))}"));
        Assert.Equal("BuilderChosen", (string)known["status"]!);

        var source = await Funds.Source(received: 500m);
        var first = Json(await Get($"/api/fund-sources/{source}?version=1"));
        Assert.Equal(0m, (decimal)first["received"]!);
        Assert.Equal(500m, (decimal)Json(await Get($"/api/fund-sources/{source}?version=2"))["received"]!);
    }

    [Fact]
    public async Task every_stream_extends_a_hash_chain_and_the_digest_is_repeatable()
    {
        var p = Projects(UniqueName("景阳镇"));
        var id = await p.Completed();
        var report = Json(await Get($"/api/projects/{id}/integrity", token: AuditorToken));
        Assert.True((bool)report["intact"]!);
        Assert.Equal(7, (long)report["eventsChecked"]!);

        var digest = Json(await Get("/api/audit/digest", token: AuditorToken));
        var upTo = (long)digest["upToSequence"]!;
        var again = Json(await Get($"/api/audit/digest?upToSequence={upTo}", token: AuditorToken));
        Assert.Equal((string)digest["root"]!, (string)again["root"]!);
        var verdict = Json(await Post("/api/audit/digest/verify", new { upToSequence = upTo, root = (string)digest["root"]! }, 200, AuditorToken));
        Assert.True((bool)verdict["matches"]!);
        var wrong = Json(await Post("/api/audit/digest/verify", new { upToSequence = upTo, root = new string('0', 64) }, 200, AuditorToken));
        Assert.False((bool)wrong["matches"]!);
    }

    [Fact]
    public async Task the_rectification_ledger_raises_rectifies_and_closes_findings()
    {
        var p = Projects(UniqueName("花坪镇"));
        var project = await p.RegisteredAndApproved();
        var auditor = App.Token(Roles.Auditor);
        var raised = Json(await Post("/api/findings", new
        {
            source = "Audit", description = "项目资金拨付滞后,结余资金未及时收回", projectId = project, deadline = "2019-11-30", raisedOn = "2019-10-08",
        }, 201, auditor));
        var id = (string)raised["id"]!;
        Assert.Equal((p.Township, "Open"), ((string)raised["township"]!, (string)raised["status"]!));
        await Post("/api/findings", new { source = "Inspection", description = "x", township = p.Township, village = "黄坪村", deadline = "2019-12-31" }, 403, p.Hq);

        var overdue = Json(await Get($"/api/findings?township={Uri.EscapeDataString(p.Township)}&overdueAsOf=2019-12-10"))["items"]!.AsArray();
        Assert.Equal(10, (int)overdue.Single()!["daysOverdue"]!);

        Assert.Equal("close-requires-rectification", (string)Json(await Post($"/api/findings/{id}/closure", new { closedOn = "2019-12-01" }, 409, auditor))["rule"]!);
        await Post($"/api/findings/{id}/rectification", new { measures = "已拨付尾款,收回结余12万元", reportedOn = "2019-12-05" }, 403, App.Token(Roles.TownshipHq, "高坪镇"));
        await Post($"/api/findings/{id}/rectification", new { measures = "已拨付尾款,收回结余12万元", reportedOn = "2019-12-05" }, 200, p.Hq);
        // closure needs the fix verified on site by someone other than the one who reported it
        await Post($"/api/findings/{id}/verification", new { verifiedOn = "2019-12-10" }, 200, auditor);
        var closed = Json(await Post($"/api/findings/{id}/closure", new { note = "销号", closedOn = "2019-12-12" }, 200, App.Token(Roles.Supervisor)));
        Assert.Equal("Closed", (string)closed["status"]!);
        var none = Json(await Get($"/api/findings?township={Uri.EscapeDataString(p.Township)}&overdueAsOf=2019-12-20"))["items"]!.AsArray();
        Assert.Empty(none);
    }
}

/// <summary>Edits the store behind Marten's back and rebuilds read models: runs alone.</summary>
[Collection(nameof(Serial))]
public class TamperAndRebuildTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task an_event_edited_in_sql_is_named_by_the_integrity_check()
    {
        var auditor = App.Token(Roles.Auditor);
        var p = Projects(UniqueName("茅田乡"));
        var id = await p.Completed();
        var digestBefore = Json(await Get("/api/audit/digest", token: auditor));

        // the database refuses the edit to the application; its owner switches the guard off first
        await using var conn = await ChainIntegrityTests.Owner(App.ConnectionString);
        string original;
        await using (var read = new NpgsqlCommand("select data::text from funds.mt_events where stream_id = @id and version = 4", conn))
        {
            read.Parameters.AddWithValue("id", id);
            original = (string)(await read.ExecuteScalarAsync())!;
        }
        async Task SetData(string json)
        {
            await using var update = new NpgsqlCommand("update funds.mt_events set data = @data::jsonb where stream_id = @id and version = 4", conn);
            update.Parameters.AddWithValue("id", id);
            update.Parameters.AddWithValue("data", json);
            Assert.Equal(1, await update.ExecuteNonQueryAsync());
        }

        try
        {
            // Someone raises the approved budget directly in the database.
            await SetData(original.Replace("\"approvedBudget\": 1000000", "\"approvedBudget\": 9000000"));
            var report = Json(await Get($"/api/projects/{id}/integrity", token: auditor));
            Assert.False((bool)report["intact"]!);
            var broken = report["broken"]!.AsArray().Single()!;
            Assert.Equal((4L, "project_approved"), ((long)broken["version"]!, (string)broken["eventType"]!));

            var all = Json(await Get("/api/audit/integrity", token: auditor));
            Assert.Contains(all["broken"]!.AsArray(), b => (string)b!["streamId"]! == id.ToString());
            var verdict = Json(await Post("/api/audit/digest/verify",
                new { upToSequence = (long)digestBefore["upToSequence"]!, root = (string)digestBefore["root"]! }, 200, auditor));
            Assert.False((bool)verdict["matches"]!);
        }
        finally
        {
            await SetData(original);
        }
        Assert.True((bool)Json(await Get($"/api/projects/{id}/integrity", token: auditor))["intact"]!);
    }

    [Fact]
    public async Task a_rebuild_gives_exactly_the_live_read_models()
    {
        var p = Projects(UniqueName("长梁乡"));
        var project = await p.Completed();
        await p.SignOff(project);
        var source = await Funds.Source(received: 300_000m);
        await Funds.Allocate(source, project, 300_000m);
        await Funds.Disburse(project, source, 100_000m);
        await Projected();
        var live = await Snapshot();
        await using (var conn = new NpgsqlConnection(App.ConnectionString))
        {
            await conn.OpenAsync();
            foreach (var table in ReadModelTables)
                await new NpgsqlCommand($"delete from funds.{table}", conn).ExecuteNonQueryAsync();
            // an event another application wrote, of a type no code here knows: the one pass reads it and skips it
            await new NpgsqlCommand("""
                insert into funds.mt_streams (id, tenant_id, version, is_archived) values (gen_random_uuid(), '990000', 1, false);
                insert into funds.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type)
                select nextval('funds.mt_events_sequence'), gen_random_uuid(), id, 1, '{}', 'other_application_note', now(), '990000', 'Other.Application.Note, Other.Application'
                from funds.mt_streams where tenant_id = '990000' and version = 1 and not exists (select 1 from funds.mt_events e where e.stream_id = mt_streams.id);
                """, conn).ExecuteNonQueryAsync();
        }

        var result = Json(await Post("/api/admin/projections/rebuild", new { }, 200, App.Token(Roles.Admin)));
        Assert.Equal(App.Store.Options.Events.Projections().Count(), result["projections"]!.AsArray().Count);
        await Projected();
        var rebuilt = await Snapshot();
        // one pass: the projection of all read models reached the end of the store
        var progress = await App.Store.Advanced.AllProjectionProgress();
        var highWater = progress.Single(p => p.ShardName == "HighWaterMark").Sequence;
        Assert.Equal(highWater, progress.Single(p => p.ShardName == global::Funds.Projections.FundsProjections.AllReadModels + ":All").Sequence);

        Assert.Equal(live.Keys.Order(), rebuilt.Keys.Order());
        foreach (var (type, docs) in live)
        {
            var before = docs.Split('\n');
            var after = rebuilt[type].Split('\n');
            var first = before.Zip(after).FirstOrDefault(x => x.First != x.Second);
            Assert.True(docs == rebuilt[type], $"{type} differs after rebuild ({before.Length} vs {after.Length} documents); first difference:\n{first.First}\n{first.Second}");
        }
        Assert.True((await Reconciliation.RunAsync(App.Store, FundsApp.County, default)).Consistent);
    }

    private static readonly string[] ReadModelTables = ["mt_doc_project", "mt_doc_fundsource", "mt_doc_projecttimeline", "mt_doc_fundmovement_" + global::Funds.Projections.Money.FundMovementProjection.CurrentVersion, "mt_doc_finding", "mt_doc_village", "mt_doc_household", "mt_doc_householdline"];

    private async Task<Dictionary<string, string>> Snapshot()
    {
        var result = new Dictionary<string, string>();
        await using var conn = new NpgsqlConnection(App.ConnectionString);
        await conn.OpenAsync();
        foreach (var table in ReadModelTables)
        {
            await using var cmd = new NpgsqlCommand($"select coalesce(string_agg(tenant_id || ':' || id::text || '=' || data::text, E'\\n' order by tenant_id, id::text), '') from funds.{table}", conn);
            result[table] = (string)(await cmd.ExecuteScalarAsync())!;
        }
        return result;
    }
}
