using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Funds.Api.Admin;
using Funds.Api.Audit;
using Funds.Api.Hosting;
using Funds.Api.Pipeline;
using Funds.Demo;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Funds.IntegrationTests.Infrastructure;
using Funds.Projections.Money;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Npgsql;

namespace Funds.IntegrationTests;

/// <summary>The demo county, each test on its own fresh schema: the shared test database is never seeded.</summary>
public class DemoCountyTests(FundsApp app) : IntegrationTest(app)
{
    private static readonly string[] Townships = ["业州镇", "高坪镇", "红岩寺镇", "景阳镇", "官店镇", "花坪镇", "长梁乡", "茅田乡", "龙坪乡", "三里乡"];

    [Fact]
    public async Task seeds_a_jianshi_shaped_county_once_and_every_rule_holds()
    {
        await using var demo = await DemoStore.CreateAsync(App.ConnectionString);
        var clock = Stopwatch.StartNew();
        var summary = await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken);
        clock.Stop();
        TestContext.Current.TestOutputHelper?.WriteLine($"Seeded {summary} in {clock.ElapsedMilliseconds} ms");

        Assert.True(summary.Seeded);
        Assert.Equal(300, summary.Projects);
        Assert.Equal(21, summary.FundSources);

        await using var query = demo.Store.QuerySession(DemoCountyShape.Jianshi.Code);
        var events = await query.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(summary.Events, events.Count);

        // seeding again appends nothing
        var again = await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken);
        Assert.Equal(new DemoSummary(false, 0, 0, 0), again);
        Assert.Equal(events.Count, await query.Events.QueryAllRawEvents().CountAsync());

        // the county: ten townships, 92 poor villages, both kinds and every category, plan years 2017–2019
        var projects = await query.Query<Project>().ToListAsync();
        Assert.Equal(300, projects.Count);
        Assert.Equal(Townships.Order(), projects.Select(p => p.Township).Distinct().Order());
        Assert.Equal(92, projects.Select(p => Roles.VillageScope(p.Township, p.Village)).Distinct().Count());
        Assert.Equal(ProjectCategories.All.Select(c => c.Code).Order(), projects.Select(p => p.Category).Distinct().Order());
        Assert.Equal([ProjectKind.Infrastructure, ProjectKind.Industry], projects.Select(p => p.Kind).Distinct().Order());
        Assert.Equal([2017, 2018, 2019], projects.Select(p => p.PlanYear).Distinct().Order());
        Assert.Equal(projects.Count, projects.Select(p => p.Name).Distinct().Count());
        Assert.Contains(projects, p => p.Township == "官店镇" && p.Village == "黄坪村");

        // invariants of every project
        foreach (var p in projects)
        {
            Assert.True(p.Disbursed <= (p.PaymentCeiling ?? 0m), $"{p.Name}: paid {p.Disbursed} above its ceiling {p.PaymentCeiling}");
            Assert.True(p.Settlement is null || p.Acceptance is not null, $"{p.Name}: settled without the village committee's sign-off");
            Assert.Equal(p.Settlement is not null, p.Status == ProjectStatus.Settled);
            Assert.True(p.Builder is null || (CreditCode.IsValid(p.Builder.Builder.CreditCode) && p.Builder.ContractAmount <= p.Approval!.Budget));
            Assert.True(p.Builder is null || p.Builder.Method == BuilderSelectionMethod.PublicTender || p.Builder.ContractAmount < 500_000m);
            Assert.True(p.OperatingEntity is null || (p.Kind == ProjectKind.Industry && CreditCode.IsValid(p.OperatingEntity.CreditCode)));
            Assert.Equal(p.MissedDeadlines.Count, p.MissedDeadlines.Distinct().Count());
            Assert.Equal((await query.Events.FetchStreamStateAsync(p.Id))!.Version, p.Version);
        }

        // the story the seeds tell: every step and every kind of trouble is there
        Assert.Contains(projects, p => p.Builder?.Method == BuilderSelectionMethod.CollectiveDecision);
        Assert.Contains(projects, p => p.Builder?.Method == BuilderSelectionMethod.PublicTender);
        Assert.Contains(projects, p => p.Refusals.Count > 0 && p.Acceptance is not null);
        Assert.Contains(projects, p => p.FormerBuilders.Count > 0);
        Assert.InRange(projects.Count(p => p.Status == ProjectStatus.Cancelled), 2, 15);
        Assert.Contains(projects, p => p.Status == ProjectStatus.UnderConstruction);
        Assert.Contains(projects, p => p.Acceptance is { } a && p.FirstFinalPaymentOn is { } f && f.DayNumber - a.SignedOn.DayNumber > 120);
        Assert.Contains(projects, p => p.Kind == ProjectKind.Industry && p.IncomeDistributions > 0 && p.IncomeToHouseholds > p.IncomeToCollective);
        Assert.Contains(projects, p => p.Screening is { Included: true } && p.Approval?.PlannedFunding is { Count: > 0 });
        Assert.Contains(projects, p => p.Subcontracts.Count > 0);
        Assert.Contains(projects, p => p.PaymentExceptions.Any(x => x.DisbursementId is not null && x.ApprovedBy!.Subject != x.RequestedBy.Subject));
        Assert.Contains(projects, p => p.Inspections.Any(i => !i.Announced));
        Assert.Contains(projects, p => p.Assets.Any(a => a.UpkeepResponsible is not null && a.Checks!.Any(c => c.Condition == AssetCondition.NeedsRepair)));
        Assert.Contains(projects, p => p.DangerousHouses.Any(h => h.ClosedOn <= new DateOnly(2019, 9, 30)) && p.DangerousHouses.Any(h => h.ClosedOn is null || h.ClosedOn > new DateOnly(2019, 9, 30)));
        var findings = await query.Query<global::Funds.Domain.Findings.Finding>().ToListAsync();
        Assert.Contains(findings, f => f.InspectionId is not null && f.SentBack.Count > 0 && f.Status == global::Funds.Domain.Findings.FindingStatus.Closed
            && f.Verification!.By.Subject != f.Rectifications[^1].By.Subject);
        Assert.Equal([ReviewOutcome.Healthy, ReviewOutcome.Weak, ReviewOutcome.Idle],
            projects.Where(p => p.LastReview is not null).Select(p => p.LastReview!.Outcome).Distinct().Order());

        // every business date is on or before the day (China time) the fact was recorded; escalations are the system's
        foreach (var e in events)
        {
            var recordedAt = (DateTimeOffset)e.Data.GetType().GetProperty("RecordedAt")!.GetValue(e.Data)!;
            var recordedOn = DateOnly.FromDateTime(recordedAt.ToOffset(ChinaTime.Offset).DateTime);
            // a finding's Deadline is a due date, and so are a loan's DueOn and NewDueOn: what was agreed, not when something happened
            foreach (var date in e.Data.GetType().GetProperties().Where(x => x.PropertyType == typeof(DateOnly) && x.Name != "Deadline" && !x.Name.EndsWith("DueOn")))
                Assert.True((DateOnly)date.GetValue(e.Data)! <= recordedOn, $"{e.EventTypeName}.{date.Name} after its recorded day {recordedOn}");
        }
        Assert.Contains(events, e => e.Data is ConstructionCompleted c && c.RecordedAt.ToOffset(ChinaTime.Offset).Date > c.CompletedOn.ToDateTime(TimeOnly.MinValue).AddDays(4));

        // money: sources the seeds name, in tranches; received ≥ allocated ≥ drawn; one voucher per payment
        var sources = await query.Query<FundSource>().ToListAsync();
        // the legacy kind MicroCredit is no fund of projects any more: micro-credit is household loans
        Assert.Equal(Enum.GetValues<FundSourceKind>().Where(k => k != FundSourceKind.MicroCredit).Order(), sources.Select(s => s.Kind).Distinct().Order());
        Assert.InRange(sources.Sum(s => s.Received), 10_000_000m, 999_999_999m);
        var byProject = projects.ToDictionary(p => p.Id);
        Assert.All(sources, s => Assert.True(s.Received >= s.Allocated && s.Allocations.All(a => a.Allocated >= byProject[a.ProjectId].PaidFrom(s.Id))));
        Assert.Contains(events, e => e.Data is AllocationReduced { Change: AllocationChange.Reclaimed });
        Assert.Contains(events, e => e.Data is AllocationReduced { Change: AllocationChange.Reduced });
        var payments = events.Select(e => e.Data).OfType<FundsDisbursed>().ToList();
        Assert.Equal(payments.Sum(x => x.Amount), projects.Sum(p => p.PaidBySource.Sum(x => x.Paid)));
        Assert.Equal(payments.Sum(x => x.Amount), projects.Sum(p => p.Disbursed));
        Assert.Equal(payments.Count, payments.Select(x => x.VoucherNo).Distinct().Count());
        var subsidies = events.Select(e => e.Data).OfType<InterestSubsidyPaid>().ToList();
        Assert.Equal(payments.Count + subsidies.Count, await query.Query<UniqueKey>().Where(k => k.Id.StartsWith("voucher:")).CountAsync());
        Assert.All(payments, x => Assert.Matches(@"^JSCZ-20(17|18|19)-\d{6}$", x.VoucherNo));
        Assert.Contains(payments, x => x.PayeeReason is not null);

        // the deadline board of the 2019 plan: met on time, met late and missed, as of each date
        var timelines = await query.Query<ProjectTimeline>().ToListAsync();
        foreach (var asOf in new[] { new DateOnly(2019, 4, 1), new DateOnly(2019, 7, 1), new DateOnly(2019, 10, 1) })
        {
            var statuses = timelines.SelectMany(t => DeadlineBoard.Evaluate(t, DeadlinePolicy.Default, asOf)).Select(s => s.Status).ToHashSet();
            Assert.Superset(new HashSet<DeadlineStatus> { DeadlineStatus.Missed, DeadlineStatus.MetOnTime, DeadlineStatus.MetLate }, statuses);
        }
        // a completion reported late: met on time as of 1 July, missed as known that evening
        var july1 = new DateOnly(2019, 7, 1);
        var knownAt = new DateTimeOffset(2019, 7, 1, 23, 59, 59, ChinaTime.Offset);
        string Board(ProjectTimeline t, DateTimeOffset? known) =>
            string.Join(";", DeadlineBoard.Evaluate(t, DeadlinePolicy.Default, july1, known).Select(s => $"{s.RuleId}={s.Status}"));
        Assert.Contains(timelines, t => Board(t, null) != Board(t, knownAt));

        // escalations: one per project and rule, by the system, each for a deadline missed as known when recorded
        var missed = events.Select(e => e.Data).OfType<DeadlineMissed>().ToList();
        Assert.NotEmpty(missed);
        var byId = timelines.ToDictionary(t => t.Id);
        foreach (var m in missed)
        {
            Assert.Equal(new Actor("deadline-escalation", "system"), m.By);
            Assert.Contains(m.RuleId, DeadlinePolicy.Plan2019.Select(r => r.Id));
            Assert.Equal(m.Due.AddDays(1), m.MissedOn);
            var day = DateOnly.FromDateTime(m.RecordedAt.ToOffset(ChinaTime.Offset).DateTime);
            var then = DeadlineBoard.Evaluate(byId[m.ProjectId], DeadlinePolicy.Default, day, m.RecordedAt.AddTicks(-1)).Single(s => s.RuleId == m.RuleId);
            Assert.Equal(DeadlineStatus.Missed, then.Status);
        }
        Assert.Contains(missed, m => DateOnly.FromDateTime(m.RecordedAt.ToOffset(ChinaTime.Offset).DateTime) == m.MissedOn);

        // the asynchronous read models fold it: trails never show more paid than allocated, nor allocated than
        // received, and reconciliation finds every total equal to the fen
        using (var daemon = await demo.Store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await demo.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            await daemon.StopAllAsync();
        }
        var reconciliation = await Reconciliation.RunAsync(demo.Store, DemoCountyShape.Jianshi.Code, TestContext.Current.CancellationToken);
        Assert.True(reconciliation.Consistent, string.Join("; ", reconciliation.Differences.Take(5)));
        Assert.Equal(events.Count, reconciliation.EventsRead);
        // audit: every event stamped with its actor like the API's, and every stream's hash chain intact
        Assert.All(events, e =>
        {
            var by = ((IRecordedEvent)e.Data).By;
            Assert.Equal((by.Subject, by.Role, by.Scope, DemoCounty.CorrelationId),
                (e.UserName, e.GetHeader("role")?.ToString(), e.GetHeader("scope")?.ToString(), e.CorrelationId));
        });
        var integrity = await EventChain.VerifyAllAsync(demo.Store, DemoCountyShape.Jianshi.Code, TestContext.Current.CancellationToken);
        Assert.True(integrity.Intact, string.Join("; ", integrity.Broken.Take(3)));
        Assert.Equal(events.Count, integrity.EventsChecked);

        var movements = await query.Query<FundMovement>().ToListAsync();
        Assert.Equal(sources.SelectMany(s => s.Allocations).Select(a => a.ProjectId).Distinct().Count(), movements.Where(m => m.ProjectId != Guid.Empty).Select(m => m.ProjectId).Distinct().Count());
        foreach (var project in movements.Where(m => m.ProjectId != Guid.Empty).GroupBy(m => m.ProjectId))
        {
            decimal allocated = 0m, disbursed = 0m;
            foreach (var m in project.OrderBy(m => m.Sequence))
            {
                (allocated, disbursed) = (allocated + m.Allocated, disbursed + m.Disbursed);
                Assert.True(disbursed <= allocated, $"{m.ProjectName}: paid before allocated at {m.Sequence}");
            }
        }
        foreach (var source in movements.GroupBy(m => m.FundSourceId))
        {
            decimal received = 0m, allocated = 0m, disbursed = 0m;
            foreach (var m in source.OrderBy(m => m.Sequence))
            {
                (received, allocated, disbursed) = (received + m.Received, allocated + m.Allocated, disbursed + m.Disbursed);
                Assert.True(disbursed <= allocated && allocated <= received, $"{m.SourceName} trail at {m.Sequence}");
            }
        }
    }

    [Fact]
    public async Task the_zaozhuang_shaped_district_is_industry_heavy_and_lives_beside_jianshi_in_one_store()
    {
        await using var demo = await DemoStore.CreateAsync(App.ConnectionString);
        var ct = TestContext.Current.CancellationToken;
        var jianshi = await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, ct);
        var zaozhuang = await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Zaozhuang, CountyPolicy.Default, DeadlinePolicy.Default, ct);
        Assert.True(jianshi.Seeded && zaozhuang.Seeded);
        Assert.InRange(zaozhuang.Projects, 90, 150);
        Assert.Equal(21, zaozhuang.FundSources);

        await using var query = demo.Store.QuerySession(DemoCountyShape.Zaozhuang.Code);
        var projects = await query.Query<Project>().ToListAsync(ct);
        Assert.Equal(zaozhuang.Projects, projects.Count);
        Assert.True(projects.Count(p => p.Kind == ProjectKind.Industry) > projects.Count * 0.6, "industry-heavy");
        Assert.Contains(projects, p => p.Township == "税郭镇" && p.Village == "前王庄村");
        Assert.Equal(6, projects.Select(p => p.Township).Distinct().Count());
        var payments = (await query.Events.QueryRawEventDataOnly<FundsDisbursed>().ToListAsync(ct));
        Assert.NotEmpty(payments);
        Assert.All(payments, x => Assert.Matches(@"^SZCZ-20(17|18|19)-\d{6}$", x.VoucherNo));
        Assert.Contains(await query.Query<FundSource>().ToListAsync(ct), s => s.Name.Contains("枣庄市市级财政专项扶贫资金"));

        // Jianshi's own records are untouched by the second county
        await using (var jianshiQuery = demo.Store.QuerySession(DemoCountyShape.Jianshi.Code))
            Assert.Equal(300, await jianshiQuery.Query<Project>().CountAsync(ct));
        using (var daemon = await demo.Store.BuildProjectionDaemonAsync())
        {
            await daemon.StartAllAsync();
            await demo.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            await daemon.StopAllAsync();
        }
        foreach (var shape in DemoCountyShape.All)
        {
            var reconciliation = await Reconciliation.RunAsync(demo.Store, shape.Code, ct);
            Assert.True(reconciliation.Consistent, string.Join("; ", reconciliation.Differences.Take(5)));
            Assert.True((await EventChain.VerifyAllAsync(demo.Store, shape.Code, ct)).Intact);
        }
    }

    [Fact]
    public async Task seeding_gives_the_same_county_every_time()
    {
        string first, second;
        await using (var demo = await DemoStore.CreateAsync(App.ConnectionString))
        {
            await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken);
            first = await Fingerprint(demo.Store);
        }
        await using (var demo = await DemoStore.CreateAsync(App.ConnectionString))
        {
            await DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken);
            second = await Fingerprint(demo.Store);
        }
        Assert.Equal(first, second);
        Assert.Equal(DemoCounty.Build(DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default).Events.Count, int.Parse(first.Split(' ')[0]));
    }

    [Fact]
    public async Task two_seeders_racing_write_the_county_once()
    {
        await using var demo = await DemoStore.CreateAsync(App.ConnectionString);
        var results = await Task.WhenAll(
            Task.Run(() => DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken)),
            Task.Run(() => DemoCounty.SeedAsync(demo.Store, DemoCountyShape.Jianshi, CountyPolicy.Default, DeadlinePolicy.Default, TestContext.Current.CancellationToken)));

        Assert.Single(results, r => r.Seeded);
        await using var query = demo.Store.QuerySession(DemoCountyShape.Jianshi.Code);
        Assert.Equal(results.Single(r => r.Seeded).Events, await query.Events.QueryAllRawEvents().CountAsync());
        Assert.Equal(300, await query.Query<Project>().CountAsync());
    }

    /// <summary>Count and SHA-256 over every event in sequence order: stream, version, type and full JSON.</summary>
    private static async Task<string> Fingerprint(IDocumentStore store)
    {
        await using var query = store.QuerySession(DemoCountyShape.Jianshi.Code);
        var events = await query.Events.QueryAllRawEvents().OrderBy(e => e.Sequence).ToListAsync();
        var text = new StringBuilder();
        foreach (var e in events)
            text.Append(e.Sequence).Append('|').Append(e.StreamId).Append('|').Append(e.Version).Append('|').Append(e.EventTypeName).Append('|')
                .Append(JsonSerializer.Serialize(e.Data, e.Data.GetType())).Append('\n');
        return $"{events.Count} {Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))}";
    }

    /// <summary>A store on a fresh schema of the test database, configured like the API's (FundsStore), with the
    /// hash-chain trigger; dropped at the end.</summary>
    private sealed class DemoStore : IAsyncDisposable
    {
        private readonly string _connectionString;
        private readonly string _schema;

        private DemoStore(string connectionString, string schema)
        {
            _connectionString = connectionString;
            _schema = schema;
            Store = DocumentStore.For(opts => FundsStore.Configure(opts, connectionString, Tenancy, schema));   // as the API configures it
        }

        public DocumentStore Store { get; }

        public static readonly TenancyOptions Tenancy = new()
        {
            Counties = [new CountyOptions { Code = DemoCountyShape.Jianshi.Code, Name = "建始县" }, new CountyOptions { Code = "370402", Name = "枣庄市市中区" }],
        };

        public static async Task<DemoStore> CreateAsync(string connectionString)
        {
            var schema = "demo_test_" + Guid.NewGuid().ToString("N")[..10];
            var demo = new DemoStore(connectionString, schema);
            await demo.Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            // the tamper-evidence trigger, as EventChainInstaller installs it at start-up
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var ddl = new NpgsqlCommand(EventChain.Ddl(schema), connection);
            await ddl.ExecuteNonQueryAsync();
            return demo;
        }

        public async ValueTask DisposeAsync()
        {
            Store.Dispose();
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop schema if exists {_schema} cascade", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
