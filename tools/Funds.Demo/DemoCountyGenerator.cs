using Funds.Api.Deadlines;
using Funds.Api.Pipeline;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using static Funds.Demo.DemoCountyNames;

namespace Funds.Demo;

/// <summary>
/// Simulates the county from January 2017 to the end of 2019: every step is a command decided by the
/// Domain's pure deciders at its simulated recorded time (the DecisionContext's Now), and the state is
/// folded with the Domain's own Evolve functions. Steps run in recorded-time order across all streams,
/// so balances, caps and deadline escalations are decided on what was known at that moment.
/// Deterministic: one fixed seed, ids derived from seeded randoms, no clock.
/// </summary>
internal sealed partial class DemoCountyGenerator
{
    private static readonly DateOnly Horizon = new(2019, 12, 31);
    private static readonly DateOnly FirstEscalationScan = new(2019, 4, 1);

    private readonly int _seed;
    private readonly DemoCountyShape _shape;
    private readonly CountyPolicy _policy;
    private readonly DeadlinePolicy _deadlines;
    private readonly Random _county;
    /// <summary>Draws made while steps run (ids, retry delays): run order is deterministic, so are they.</summary>
    private readonly Random _run;
    private readonly PriorityQueue<Action, (DateTimeOffset At, long Seq)> _queue = new();
    private long _seq;
    private DateTimeOffset _now;
    private readonly List<DemoEvent> _log = [];
    private readonly List<DemoTownship> _townships = [];
    private readonly List<SimProject> _projects = [];
    private readonly List<SimSource> _sources = [];
    private readonly Dictionary<string, int> _counters = [];
    private readonly Dictionary<string, string> _shared = [];
    private readonly List<DemoIncome> _income = [];

    private readonly Actor _financeChief;
    private readonly Actor _financeCashier;

    public DemoCountyGenerator(DemoCountyShape shape, CountyPolicy policy, DeadlinePolicy deadlines)
    {
        var seed = shape.Seed;
        _shape = shape;
        _financeChief = new Actor(shape.FinanceStaff.Chief, Roles.Finance);
        _financeCashier = new Actor(shape.FinanceStaff.Cashier, Roles.Finance);
        _seed = seed;
        _policy = policy;
        _deadlines = deadlines;
        _county = new Random(seed);
        _run = new Random(unchecked(seed * 7 + 1));
    }

    public DemoCountyData Run()
    {
        BuildTownships();
        BuildProjects();
        BuildSources();
        foreach (var s in _sources) PlanSource(s);
        foreach (var p in _projects) PlanProject(p);
        for (var day = FirstEscalationScan; day <= Horizon; day = day.AddDays(1))
            Schedule(At(day, 0, 30), EscalationScan);

        while (_queue.TryDequeue(out var step, out var key))
        {
            _now = key.At;
            step();
        }
        return new DemoCountyData(_log, _townships, _projects.Count, _sources.Count, _income);
    }

    // ---- the county: townships, villages, projects, fund sources

    private void BuildTownships()
    {
        var known = _shape.KnownVillage;
        var pool = _shape.VillageFirst.SelectMany(a => _shape.VillageSecond.Select(b => a + b + "村")).Where(v => v != known?.Village).ToList();
        Shuffle(pool, _county);
        var next = 0;
        foreach (var (name, pinyin, count) in _shape.Townships)
        {
            var villages = new List<string>();
            if (name == known?.Township) villages.Add(known.Value.Village);   // the README's example village
            while (villages.Count < count) villages.Add(pool[next++]);
            _townships.Add(new DemoTownship(name, pinyin, villages));
        }
    }

    private void BuildProjects()
    {
        // Every poor village gets its projects (Jianshi: three each, 24 villages a fourth: 300 in all).
        var slots = _townships.SelectMany(t => t.Villages.Select(v => (Township: t, Village: v))).ToList();
        var all = slots.SelectMany(s => Enumerable.Repeat(s, _shape.ProjectsPerVillage)).ToList();
        var extra = slots.ToList();
        Shuffle(extra, _county);
        all.AddRange(extra.Take(_shape.ExtraProjects));
        Shuffle(all, _county);
        var until2017 = (int)Math.Round(all.Count * _shape.PlanYearSplit.Y2017);
        var until2018 = (int)Math.Round(all.Count * _shape.PlanYearSplit.Y2018);

        var names = new HashSet<string>();
        for (var i = 0; i < all.Count; i++)
        {
            var (township, village) = all[i];
            var planYear = i < until2017 ? 2017 : i < until2018 ? 2018 : 2019;
            var category = Weighted(_shape.CategoryWeights, _county);
            var kind = ProjectCategories.Find(category)!.Kind;
            var r = new Random(unchecked(_seed * 31 + i * 7919));
            var name = ProjectName(category, township, village, r);
            for (var phase = 2; !names.Add(name); phase++) name = ProjectName(category, township, village, r) + $"（{Hamlets[phase - 1]}期）";
            var villageNo = township.Villages.ToList().IndexOf(village) + 1;
            _projects.Add(new SimProject
            {
                Index = i, Kind = kind, Category = category, Name = name, Township = township, Village = village, PlanYear = planYear, R = r,
                Budget = Budget(category, r),
                Hq = new Actor($"hq.{township.Pinyin}.{StaffKeys[(_townships.IndexOf(township) * 2 + r.Next(2)) % StaffKeys.Length]}", Roles.TownshipHq, township.Name),
                Committee = new Actor($"vc.{township.Pinyin}.{villageNo:00}", Roles.VillageCommittee, Roles.VillageScope(township.Name, village)),
                Signatories = Committee(township.Name, village),
            });
        }
    }

    private string ProjectName(string category, DemoTownship t, string village, Random r)
    {
        string Hamlet() => Hamlets[r.Next(Hamlets.Length)];
        string Pick(string[] from) => from[r.Next(from.Length)];
        return category switch
        {
            ProjectCategories.Road => r.Next(4) switch
            {
                0 => $"{village}{Hamlet()}组通组公路硬化",
                1 => $"{village}至{Pick(t.Villages.Where(v => v != village).DefaultIfEmpty(t.Name).ToArray())}通村公路改扩建",
                2 => $"{village}产业路建设",
                _ => $"{village}{Hamlet()}组连户路硬化",
            },
            ProjectCategories.PowerGrid => r.Next(2) == 0 ? $"{village}农网改造升级工程（动力电入户）" : $"{village}{Hamlet()}组动力电延伸工程",
            ProjectCategories.DrinkingWater => r.Next(3) switch
            {
                0 => $"{village}安全饮水巩固提升工程",
                1 => $"{village}集中供水工程",
                _ => $"{village}{Hamlet()}组人饮水池及管网建设",
            },
            ProjectCategories.Broadband => r.Next(2) == 0 ? $"{village}光纤宽带及4G基站建设" : $"{village}4G通信基站建设",
            ProjectCategories.HousingRenovation => $"{village}农村危房改造（第{Hamlet()}批）",
            ProjectCategories.ProductBase => $"{village}{Pick(_shape.Products)}一村一品基地建设",
            ProjectCategories.Cooperative => $"{village}{Pick(_shape.Products)}专业合作社产业发展项目",
            ProjectCategories.Workshop => $"{village}扶贫车间建设（{Pick(_shape.WorkshopTrades)}）",
            _ => r.Next(2) == 0 ? $"{village}“一长两短”{Pick(_shape.Livestock)}养殖项目" : $"{village}“一长两短”{Pick(_shape.ShortCrops)}种植项目",
        };
    }

    private static decimal Budget(string category, Random r)
    {
        var (lo, hi) = category switch
        {
            ProjectCategories.Road => (150_000m, 1_500_000m),
            ProjectCategories.PowerGrid => (80_000m, 700_000m),
            ProjectCategories.DrinkingWater => (50_000m, 600_000m),
            ProjectCategories.Broadband => (50_000m, 300_000m),
            ProjectCategories.HousingRenovation => (60_000m, 500_000m),
            ProjectCategories.ProductBase => (100_000m, 900_000m),
            ProjectCategories.Cooperative => (50_000m, 500_000m),
            ProjectCategories.Workshop => (200_000m, 800_000m),
            _ => (30_000m, 300_000m),
        };
        var u = r.Next(0, 10_001) / 10_000m;   // squared: many small works, few large; decimal only, so identical on every platform
        return Math.Round((lo + (hi - lo) * u * u) / 1000m) * 1000m;
    }

    private IReadOnlyList<string> Committee(string township, string village)
    {
        var r = new Random(unchecked(_seed ^ (township + village).Aggregate(17, (h, c) => h * 31 + c)));
        var names = new List<string>();
        while (names.Count < 4)
        {
            var name = Surnames[r.Next(Surnames.Length)] + GivenNames[r.Next(GivenNames.Length)];
            if (!names.Contains(name)) names.Add(name);
        }
        return names;
    }

    private void BuildSources()
    {
        foreach (var year in new[] { 2017, 2018, 2019 })
        {
            var demand = _projects.Where(p => p.PlanYear == year).Sum(p => p.Budget);
            for (var k = 0; k < _shape.Sources.Length; k++)
            {
                var (kind, name, doc, share) = _shape.Sources[k];
                var r = new Random(unchecked(_seed * 131 + year * 17 + k));
                var total = Math.Round(demand * 1.06m * share / 10_000m) * 10_000m;
                _sources.Add(new SimSource
                {
                    Slot = k, Kind = kind, FiscalYear = year, Name = $"{year}年{name}", R = r, Total = total,
                    Document = string.Format(doc, year, r.Next(3, 60)),
                });
            }
        }
    }

    // ---- fund sources: registration and tranches received (到位)

    private void PlanSource(SimSource s)
    {
        var r = s.R;
        var registeredOn = new DateOnly(s.FiscalYear, 1, 4).AddDays(r.Next(0, 8));
        Schedule(Office(registeredOn, r), () =>
        {
            var ctx = Ctx(_financeChief);
            s.Id = NewId(_now, _run);
            Emit(s, FundSourceDecider.Register(s.Id, new RegisterFundSource(s.Name, s.Kind, s.FiscalYear, s.Document, ctx.Today), ctx));
        });

        var tranches = s.Total >= 2_000_000m ? new[] { 0.5m, 0.3m, 0.2m } : [0.6m, 0.4m];
        var on = registeredOn.AddDays(r.Next(6, 20));
        var left = s.Total;
        for (var t = 0; t < tranches.Length; t++)
        {
            var amount = t == tranches.Length - 1 ? left : Math.Round(s.Total * tranches[t] / 10_000m) * 10_000m;
            left -= amount;
            var n = t + 1;
            var receivedOn = on;
            Schedule(Office(receivedOn.AddDays(r.Next(0, 3)), r), () =>
                Emit(s, FundSourceDecider.Receive(new ReceiveFunds(amount, $"{s.Document}（第{n}批到位）", receivedOn), s.State!, Ctx(_financeCashier))));
            on = t == 0 ? new DateOnly(s.FiscalYear, 4, 10).AddDays(r.Next(0, 35)) : new DateOnly(s.FiscalYear, 7, 1).AddDays(r.Next(0, 45));
        }
    }

    // ---- projects: a life planned ahead, each step decided when its recorded time comes

    private enum Fate { Normal, DragOnTime, LateReport, Late, LateStart, LateStartReported, NeverCompleted, NeverStarted, Cancelled }

    private static Fate PickFate(int planYear, Random r)
    {
        var x = r.Next(100);
        return planYear switch
        {
            2017 => x < 92 ? Fate.Normal : x < 96 ? Fate.DragOnTime : Fate.Late,
            2018 => x < 64 ? Fate.Normal : x < 72 ? Fate.DragOnTime : x < 80 ? Fate.LateReport : x < 91 ? Fate.Late
                : x < 95 ? Fate.NeverCompleted : x < 97 ? Fate.NeverStarted : Fate.Cancelled,
            _ => x < 54 ? Fate.Normal : x < 61 ? Fate.LateReport : x < 71 ? Fate.LateStart : x < 76 ? Fate.LateStartReported
                : x < 88 ? Fate.Late : x < 93 ? Fate.NeverCompleted : x < 97 ? Fate.NeverStarted : Fate.Cancelled,
        };
    }

    private static (int Min, int Max) Duration(string category) => category switch
    {
        ProjectCategories.Road => (90, 200),
        ProjectCategories.PowerGrid => (60, 150),
        ProjectCategories.DrinkingWater => (60, 160),
        ProjectCategories.Broadband => (30, 90),
        ProjectCategories.HousingRenovation => (40, 120),
        ProjectCategories.ProductBase => (60, 180),
        ProjectCategories.Cooperative => (40, 120),
        ProjectCategories.Workshop => (60, 150),
        _ => (30, 100),
    };

    private void PlanProject(SimProject p)
    {
        var r = p.R;
        var fate = PickFate(p.PlanYear, r);
        var plan = new LifePlan(this, r);
        var (durMin, durMax) = Duration(p.Category);
        var duration = r.Next(durMin, durMax + 1);

        // 申报 → 审批
        var registered = p.PlanYear switch
        {
            2017 => D(2017, 1, 9).AddDays(r.Next(0, 100)),
            2018 => D(2018, 1, 8).AddDays(r.Next(0, 90)),
            _ => D(2019, 1, 3).AddDays(r.Next(0, 28)),
        };
        var reg = plan.Life(registered, r.Next(0, 2), () =>
            Emit(p, ProjectDecider.Register(p.Id, new RegisterProject(p.Kind, p.Category, p.Name, p.Township.Name, p.Village, p.PlanYear, registered), DemoVillages.Of(_shape.Code, p.Township.Name, p.Village), Ctx(p.Hq))));
        p.Id = NewId(reg.At, r);
        var quick = p.PlanYear == 2019;
        var approved = plan.Life(reg.On.AddDays(quick ? r.Next(8, 20) : r.Next(15, 45)), r.Next(0, 3), on =>
            ScreenAndAssess(p, reg.On, on, () => Decide(p, Approver(p), new ApproveProject(Numbered(string.Format(_shape.ApprovalSeries, on.Year), $"approval-{on}"), p.Budget,
                on.Year >= 2019 ? _shape.Approver2019 : _shape.ApproverBefore2019, on))));

        // 资金安排: the approved budget, from one or two sources
        var allocateOn = approved.On.AddDays(r.Next(3, 25));
        var wants = Wants(p, r);
        plan.Side(Office(allocateOn, r), () => Allocate(p, wants, 0));

        if (fate == Fate.Cancelled && r.Next(2) == 0)
        {
            Cancel(p, plan, approved.On.AddDays(r.Next(30, 90)), r);
            plan.Schedule();
            return;
        }

        // 施工单位: tender for 500,000 yuan and above, else mostly a collective decision of the township HQ
        var contract = Math.Round(p.Budget * (0.86m + r.Next(0, 1301) / 10_000m) / 100m) * 100m;
        var method = contract >= _policy.SmallWorksThreshold || r.Next(5) == 0
            ? BuilderSelectionMethod.PublicTender : BuilderSelectionMethod.CollectiveDecision;
        var (builder, builderCode) = PickBuilder(p.Category, r);
        var selected = plan.Life(approved.On.AddDays(quick ? r.Next(6, 18) : r.Next(10, 40)), r.Next(0, 2), on =>
            { Decide(p, p.Hq, new SelectBuilder(builder, builderCode, method, BuilderReference(method, p, on), contract, on)); MaybeSubcontract(p, on); });
        if (plan.Stopped) { plan.Schedule(); return; }

        if (fate == Fate.Cancelled)
        {
            Cancel(p, plan, selected.On.AddDays(r.Next(20, 60)), r);
            plan.Schedule();
            return;
        }
        if (fate == Fate.NeverStarted) { plan.Schedule(); return; }

        // 开工: works that drag into 2019 mostly began late in the year before
        var startOn = selected.On.AddDays(quick ? r.Next(3, 12) : r.Next(5, 25));
        var startDelay = r.Next(0, 2);
        switch (fate)
        {
            case Fate.DragOnTime or Fate.LateReport or Fate.Late or Fate.NeverCompleted when p.PlanYear <= 2018:
                startOn = Max(startOn, new DateOnly(p.PlanYear, p.PlanYear == 2018 ? 7 : 9, 15).AddDays(r.Next(0, 120)));
                break;
            case Fate.LateStart:
                startOn = Max(startOn, D(2019, 4, 1).AddDays(r.Next(4) == 0 ? 0 : r.Next(1, 50)));
                break;
            case Fate.LateStartReported:
                startOn = Min(Max(startOn, D(2019, 3, 25).AddDays(r.Next(0, 7))), D(2019, 3, 31));
                startDelay = D(2019, 4, 2).DayNumber - startOn.DayNumber + r.Next(0, 6);
                break;
        }
        var started = plan.Life(startOn, startDelay, on => Decide(p, p.Hq, new StartConstruction(on)));
        PlanSupervision(p, plan, started.At);
        if (plan.Stopped) { plan.Schedule(); return; }

        // 完工: when, and when it was reported
        var completeOn = started.On.AddDays(duration);
        var completeDelay = r.Next(10) == 0 ? r.Next(2, 9) : r.Next(0, 2);
        switch (fate)
        {
            case Fate.DragOnTime:
                completeOn = Max(completeOn, D(2019, 4, 15).AddDays(r.Next(0, 70)));
                break;
            case Fate.LateReport when p.PlanYear <= 2018:
                completeOn = Max(Min(completeOn, D(2019, 6, 30)), D(2019, 6, 16).AddDays(r.Next(0, 15)));
                completeDelay = D(2019, 7, 2).DayNumber - completeOn.DayNumber + r.Next(0, 10);
                break;
            case Fate.LateReport:
                completeOn = Max(Min(completeOn, D(2019, 9, 30)), D(2019, 9, 16).AddDays(r.Next(0, 15)));
                completeDelay = D(2019, 10, 8).DayNumber - completeOn.DayNumber + r.Next(0, 7);   // reported after the National Day holiday
                break;
            case Fate.Late when p.PlanYear <= 2018:
                completeOn = Max(completeOn, D(2019, 7, 3).AddDays(r.Next(0, p.PlanYear == 2017 ? 60 : 120)));
                break;
            case Fate.Late:
                completeOn = Max(completeOn, D(2019, 10, 3).AddDays(r.Next(0, 75)));
                break;
            case Fate.Normal or Fate.LateStart or Fate.LateStartReported when p.PlanYear == 2019 && completeOn > D(2019, 9, 25):
                completeOn = Max(started.On.AddDays(25), D(2019, 9, 30).AddDays(-r.Next(0, 20)));
                break;
            case Fate.Normal when p.PlanYear == 2018 && completeOn > D(2019, 6, 20):
                completeOn = Max(started.On.AddDays(25), D(2019, 6, 20).AddDays(-r.Next(0, 40)));
                break;
        }

        // 进度款: about 30% soon after the start, up to 60–70% when the works are well advanced
        var firstShare = 0.25m + r.Next(0, 11) / 100m;
        var secondShare = 0.60m + r.Next(0, 11) / 100m;
        var span = fate == Fate.NeverCompleted ? duration : completeOn.DayNumber - started.On.DayNumber;
        plan.Side(Office(started.On.AddDays(r.Next(7, 25)), r), () => PayProgress(p, firstShare));
        plan.Side(Office(started.On.AddDays(Math.Max(30, span * 3 / 5)), r), () => PayProgress(p, secondShare));

        // 更换施工单位, rarely
        if (r.Next(60) == 0)
        {
            var (other, otherCode) = PickBuilder(p.Category, r, except: builderCode);
            var changeOn = started.On.AddDays(r.Next(15, 40));
            plan.Life(changeOn, r.Next(0, 2), on => Decide(p, p.Hq, new ChangeBuilder(other, otherCode, method, BuilderReference(method, p, on),
                contract, "原施工单位无力履约，经乡镇前线指挥部集体研究更换施工单位", on)));
        }
        if (fate == Fate.NeverCompleted) { plan.Schedule(); return; }

        var completed = plan.Life(completeOn, completeDelay, on => Decide(p, p.Hq, new CompleteConstruction(on)));

        // 竣工验收: the village committee signs, or refuses and the township rectifies first
        if (r.Next(10) == 0)
        {
            var reasons = Pick(RefusalReasons[ReasonKey(p.Category)], r);
            var refusedBy = Sign(p, r);
            var refused = plan.Life(completed.On.AddDays(r.Next(3, 10)), r.Next(0, 2), on =>
                Decide(p, p.Committee, new RefuseAcceptance(reasons, refusedBy, on)));
            plan.Life(refused.On.AddDays(r.Next(15, 45)), r.Next(0, 2), on => Decide(p, p.Hq, new CompleteConstruction(on)));
        }
        var signatories = Sign(p, r);
        var signed = plan.Life(plan.LastOn.AddDays(r.Next(3, 15)), r.Next(0, 2), on =>
            Decide(p, p.Committee, new SignOffAcceptance(signatories, on)));
        if (plan.Stopped) { plan.Schedule(); return; }

        if (p.Kind == ProjectKind.Industry) PlanOperation(p, plan, approved.On, signed, r);

        // 结算 and the final payment (结算尾款): sometimes slow, sometimes with a 3% quality retention held back
        if (r.Next(100) < (p.PlanYear == 2019 ? 88 : 96))   // the rest still await their settlement audit
        {
            var settledAmount = Math.Round(contract * (0.93m + r.Next(0, 701) / 10_000m), 2);
            var settled = plan.Life(signed.On.AddDays(r.Next(15, 75)), r.Next(0, 2), on => { Decide(p, _financeChief, new SettleProject(settledAmount, on)); RegisterAssets(p, on); });
            var retention = r.Next(10) < 4 ? Math.Round(settledAmount * 0.03m, 2) : 0m;
            var slow = r.Next(4) == 0;
            var finalOn = settled.On.AddDays(slow ? r.Next(120, 330) : r.Next(5, 40));
            plan.Side(Office(finalOn, r), () => PayFinal(p, retention));
            if (retention > 0) plan.Side(Office(finalOn.AddDays(r.Next(365, 400)), r), () => PayFinal(p, 0m));
            if (r.Next(10) < 6) plan.Side(Office(settled.On.AddDays(r.Next(10, 40)), r), () => ReduceToSettlement(p));
        }
        plan.Schedule();
    }

    private void Cancel(SimProject p, LifePlan plan, DateOnly on, Random r)
    {
        var reason = Pick(CancelReasons, r);
        var cancelled = plan.Life(on, r.Next(0, 2), d => Decide(p, p.Hq, new CancelProject(reason, d)));
        plan.Side(Office(cancelled.On.AddDays(r.Next(5, 20)), r), () => Reclaim(p));
    }

    /// <summary>Industry projects (产业项目): operating entity, half-yearly income distribution, "回头看" reviews.</summary>
    private void PlanOperation(SimProject p, LifePlan plan, DateOnly approvedOn, (DateOnly On, DateTimeOffset At) signed, Random r)
    {
        var (entity, entityCode) = OperatingEntity(p);
        var early = p.Category is ProjectCategories.Cooperative or ProjectCategories.CropLivestock;
        var assignOn = early ? approvedOn.AddDays(r.Next(10, 40)) : signed.On.AddDays(r.Next(5, 30));
        plan.Side(Office(assignOn, r), () => Decide(p, p.Hq, new AssignOperatingEntity(entity, entityCode, ChinaDay(_now))));

        // periodic review outcomes, decided ahead: healthy, weak (rectification plan) or idle (revival measure)
        var reviews = new List<(DateOnly On, ReviewOutcome Outcome)>();
        var outcome = Outcome(r, null);
        foreach (var window in new[] { D(2019, 6, 10), D(2019, 12, 1) })
        {
            if (signed.On.AddDays(45) > window) continue;
            reviews.Add((window.AddDays(r.Next(0, 18)), outcome));
            outcome = Outcome(r, outcome);
        }
        foreach (var (on, o) in reviews)
        {
            var measure = o switch
            {
                ReviewOutcome.Weak => Pick(WeakMeasures, r),
                ReviewOutcome.Idle => Pick(IdleMeasures, r),
                _ => r.Next(3) == 0 ? "运营正常，按期分红" : null,
            };
            plan.Side(Office(on, r), () => Decide(p, p.Hq, new RecordReview(o, measure, ChinaDay(_now))));
        }

        // 收益分配: per half-year in operation, households and village collective with differentiated shares
        var annualRate = 0.05m + r.Next(0, 5) / 100m;
        var householdShare = 0.6m + r.Next(0, 3) / 10m;
        r.Next(15, 150);   // once the household count; still drawn so the demo stays the same county
        foreach (var (end, period) in new[] { (D(2017, 12, 31), "2017年下半年"), (D(2018, 6, 30), "2018年上半年"), (D(2018, 12, 31), "2018年下半年"), (D(2019, 6, 30), "2019年上半年") })
        {
            if (signed.On.AddDays(90) > end) continue;
            var lastReview = reviews.LastOrDefault(x => x.On <= end.AddDays(15));
            if (lastReview.Outcome == ReviewOutcome.Idle) continue;
            var income = p.Budget * annualRate / 2m * (lastReview.Outcome == ReviewOutcome.Weak ? 0.5m : 1m);
            var toHouseholds = Math.Round(income * householdShare, 2);
            var toCollective = Math.Round(income - toHouseholds, 2);
            plan.Side(Office(end.AddDays(r.Next(15, 45)), r), () =>
                _income.Add(new DemoIncome(p.Id, period, toHouseholds, toCollective, ChinaDay(_now), _now, p.Hq)));   // decided per household in DemoHouseholds
        }
    }

    private static ReviewOutcome Outcome(Random r, ReviewOutcome? previous)
    {
        var x = r.Next(100);
        return previous switch
        {
            ReviewOutcome.Weak or ReviewOutcome.Idle => x < 60 ? ReviewOutcome.Healthy : previous.Value,
            ReviewOutcome.Healthy => x < 90 ? ReviewOutcome.Healthy : ReviewOutcome.Weak,
            _ => x < 70 ? ReviewOutcome.Healthy : x < 90 ? ReviewOutcome.Weak : ReviewOutcome.Idle,
        };
    }

    // ---- money steps, decided on the balances as they are when the step runs

    private static List<(FundSourceKind Kind, int Slot, decimal Amount)> Wants(SimProject p, Random r)
    {
        (FundSourceKind, int) Primary()
        {
            var x = r.Next(100);
            if (p.Kind == ProjectKind.Infrastructure)
                return x < 55 ? (FundSourceKind.IntegratedAgriculturalFund, 2) : x < 80 ? (FundSourceKind.SpecialPovertyFund, 0)
                    : x < 92 ? (FundSourceKind.SpecialPovertyFund, 1) : (FundSourceKind.EastWestCooperation, 4);
            return x < 35 ? (FundSourceKind.SpecialPovertyFund, 0) : x < 55 ? (FundSourceKind.IntegratedAgriculturalFund, 2)
                : x < 72 ? (FundSourceKind.EastWestCooperation, 4)
                : x < 86 ? (FundSourceKind.SpecialPovertyFund, 1)
                : (FundSourceKind.Social, 6);
        }
        var (kind, slot) = Primary();
        if (r.Next(100) < 65) return [(kind, slot, p.Budget)];
        var first = Math.Round(p.Budget * (0.6m + r.Next(0, 21) / 100m) / 1000m) * 1000m;
        return [(kind, slot, first), (FundSourceKind.CountyFiscal, 3, p.Budget - first)];
    }

    private void Allocate(SimProject p, List<(FundSourceKind Kind, int Slot, decimal Amount)> wants, int attempt)
    {
        if (p.State is null || p.State.Status is ProjectStatus.Registered or ProjectStatus.Cancelled) return;
        var ctx = Ctx(_financeChief);
        var document = Numbered(string.Format(_shape.AllocationSeries, ctx.Today.Year), $"allocation-{ctx.Today}");
        var shortfall = new List<(FundSourceKind, int, decimal)>();
        foreach (var (kind, slot, wanted) in wants)
        {
            var left = wanted;
            var candidates = _sources.Where(s => s.State is not null && s.Slot == slot && s.FiscalYear == p.PlanYear)
                .Concat(_sources.Where(s => s.State is not null && s.FiscalYear == p.PlanYear).OrderByDescending(s => s.State!.Unallocated).ThenBy(s => s.Slot))
                .Concat(_sources.Where(s => s.State is not null && s.FiscalYear != p.PlanYear).OrderBy(s => Math.Abs(s.FiscalYear - p.PlanYear)).ThenBy(s => s.FiscalYear).ThenBy(s => s.Slot))
                .Where(s => !DemoHouseholds.IsSubsidyFund(s.Name))   // interest-subsidy money pays households' loan interest, not projects
                .Distinct();
            foreach (var s in candidates)
            {
                if (left <= 0) break;
                var amount = Math.Min(left, s.State!.Unallocated);
                if (amount <= 0 || (amount < 5_000m && amount < left)) continue;
                Emit(s, FundSourceDecider.Allocate(NewId(_now, _run), new AllocateFunds(p.Id, amount, document, ctx.Today), s.State, p.State, ctx));
                if (!p.Sources.Contains(s)) p.Sources.Add(s);
                left -= amount;
            }
            if (left > 0) shortfall.Add((kind, slot, left));
        }
        // not enough received yet: the rest is arranged (安排) when the next tranche arrives
        if (shortfall.Count > 0 && attempt < 4)
        {
            var retry = Office(ctx.Today.AddDays(_run.Next(20, 40)), _run);
            if (ChinaDay(retry) <= Horizon) Schedule(retry, () => Allocate(p, shortfall, attempt + 1));
        }
    }

    private void PayProgress(SimProject p, decimal share)
    {
        var s = p.State;
        if (s?.Builder is null || s.Status == ProjectStatus.Cancelled) return;
        Pay(p, DisbursementKind.Progress, s.Builder.ContractAmount * share - s.Disbursed);
    }

    private void PayFinal(SimProject p, decimal retention)
    {
        var s = p.State;
        if (s?.Settlement is null) return;
        Pay(p, DisbursementKind.Final, s.Settlement.SettledAmount - retention - s.Disbursed);
    }

    /// <summary>拨付: one tranche per source that still has money allocated to the project, voucher numbered county-wide.</summary>
    private void Pay(SimProject p, DisbursementKind kind, decimal needed)
    {
        if (kind == DisbursementKind.Progress) needed = Math.Floor(needed / 100m) * 100m;
        foreach (var source in p.Sources)
        {
            if (needed <= 0) return;
            var available = Available(source, p);
            var amount = Math.Min(needed, kind == DisbursementKind.Progress ? Math.Floor(available / 100m) * 100m : available);
            if (amount <= 0) continue;

            var ctx = Ctx(_financeCashier);
            var id = NewId(_now, _run);
            var voucher = Numbered($"{_shape.VoucherPrefix}-{ctx.Today.Year}-{{0:000000}}");
            var builder = p.State!.Builder!.Builder;
            var command = new DisburseFunds(source.Id, amount, kind, voucher, ctx.Today);
            if (kind == DisbursementKind.Progress && _run.Next(30) == 0)
            {
                var (supplier, region) = _shape.Suppliers[_run.Next(_shape.Suppliers.Length)];
                command = command with
                {
                    PayeeName = supplier, PayeeCreditCode = CreditCodeFor(supplier, region),
                    PayeeReason = $"经{builder.Name}书面委托，直接支付材料款",
                };
                command = WithPaymentException(p, command, id);
            }
            var paid = ProjectDecider.Disburse(id, command, p.State, source.State!.ForPayment(p.Id), false, ctx);
            Emit(p, paid, UniqueKey.For(UniqueKey.Voucher(voucher), id));
            needed -= amount;
        }
    }

    /// <summary>调减: after settlement, the allocation above the settled amount goes back to the sources.</summary>
    private void ReduceToSettlement(SimProject p)
    {
        if (p.State?.Settlement is null) return;
        var excess = p.Sources.Sum(s => s.State!.AllocationFor(p.Id)!.Allocated) - p.State.Settlement.SettledAmount;
        foreach (var source in Enumerable.Reverse(p.Sources))
        {
            if (excess <= 0) return;
            var amount = Math.Min(excess, Available(source, p));
            if (amount <= 0) continue;
            var ctx = Ctx(_financeChief);
            Emit(source, FundSourceDecider.Reduce(new ReduceAllocation(p.Id, amount, AllocationChange.Reduced, "项目结算审减，调减资金安排", ctx.Today), source.State!, p.State, ctx));
            excess -= amount;
        }
    }

    /// <summary>收回: a cancelled project's undisbursed allocations go back to their sources.</summary>
    private void Reclaim(SimProject p)
    {
        foreach (var source in p.Sources)
        {
            var available = Available(source, p);
            if (available <= 0) continue;
            var ctx = Ctx(_financeChief);
            Emit(source, FundSourceDecider.Reduce(new ReduceAllocation(p.Id, available, AllocationChange.Reclaimed, "项目取消，收回已安排资金", ctx.Today), source.State!, p.State, ctx));
        }
    }

    // ---- deadline escalation: what the escalation service would have appended, scanning each night

    private void EscalationScan()
    {
        var ctx = new DecisionContext(EscalateDeadlinesHandler.Escalator, _now, _policy);
        foreach (var p in _projects)
        {
            if (p.State is null || p.Timeline is null) continue;
            foreach (var missed in DeadlineBoard.Escalate(p.State, p.Timeline, _deadlines, ctx)) Emit(p, missed);
        }
    }

    // ---- folding and logging

    private void Decide(SimProject p, Actor by, IProjectCommand command)
    {
        foreach (var e in ProjectDecider.Decide(command, p.State!, Ctx(by))) Emit(p, e);
    }

    private void Emit(SimProject p, object e, UniqueKey? voucher = null)
    {
        p.State = Project.Evolve(p.State, e);
        p.Timeline = ProjectTimeline.Evolve(p.Timeline, e);
        _log.Add(new DemoEvent(p.Id, DemoStreamKind.Project, e, _now, voucher));
    }

    private void Emit(SimSource s, object e)
    {
        s.State = FundSource.Evolve(s.State, e);
        _log.Add(new DemoEvent(s.Id, DemoStreamKind.FundSource, e, _now));
    }

    private DecisionContext Ctx(Actor by) => new(by, _now, _policy);

    /// <summary>What a source's allocation to a project still holds: allocated less what the project was paid from it.</summary>
    private static decimal Available(SimSource source, SimProject p)
        => (source.State!.AllocationFor(p.Id)?.Allocated ?? 0m) - (p.State?.PaidFrom(source.Id) ?? 0m);

    private void Schedule(DateTimeOffset at, Action step)
    {
        if (at < _now) throw new InvalidOperationException($"A step cannot be scheduled in the past ({at:O} < {_now:O}).");
        _queue.Enqueue(step, (at, _seq++));
    }

    /// <summary>The next number of a document series (e.g. "建扶发〔2019〕{0}号"); steps sharing a key (a day's
    /// approvals, one allocation notice) share one number.</summary>
    private string Numbered(string series, string? sharedKey = null)
    {
        if (sharedKey is not null && _shared.TryGetValue(sharedKey, out var existing)) return existing;
        var n = _counters[series] = _counters.GetValueOrDefault(series) + 1;
        var value = string.Format(series, n);
        if (sharedKey is not null) _shared[sharedKey] = value;
        return value;
    }

    private string BuilderReference(BuilderSelectionMethod method, SimProject p, DateOnly on) => method == BuilderSelectionMethod.PublicTender
        ? Numbered($"{_shape.TenderPrefix}-{on.Year}-{{0:000}}")
        : Numbered($"{p.Township.Name}前线指挥部会议纪要〔{on.Year}〕{{0}}号", $"minutes-{p.Township.Name}-{on}");

    private IReadOnlyList<string> Sign(SimProject p, Random r) => p.Signatories.Take(r.Next(2, 5)).ToList();

    private static string ReasonKey(string category) => ProjectCategories.Find(category)!.Kind == ProjectKind.Industry ? "industry" : category;

    private (string Name, string Code) PickBuilder(string category, Random r, string? except = null)
    {
        var pool = _shape.Builders[ProjectCategories.Find(category)!.Kind == ProjectKind.Industry ? "industry" : category];
        while (true)
        {
            var (name, region) = pool[r.Next(pool.Length)];
            var code = CreditCodeFor(name, region);
            if (code != except) return (name, code);
        }
    }

    /// <summary>The operating entity (经营主体) of an industry project: a workshop company or a farmers' cooperative
    /// named after the village and what the project produces.</summary>
    private (string Name, string Code) OperatingEntity(SimProject p)
    {
        var stem = p.Village.TrimEnd('村');
        if (p.Category == ProjectCategories.Workshop)
        {
            var trade = _shape.WorkshopTrades.FirstOrDefault(p.Name.Contains) switch
            {
                "服装加工" => "服饰", "藤编工艺" => "藤编工艺品", "食品加工" => "食品", "电子元件组装" => "电子科技", "茶叶加工" => "茶业", _ => "竹木制品",
            };
            return ($"{_shape.Name}{stem}{trade}有限公司", CreditCodeFor($"{p.Township.Name}{p.Village}-workshop-{p.Index}", _shape.Code, "91"));
        }
        var what = p.Category == ProjectCategories.CropLivestock
            ? (p.Name.Contains("养殖") ? _shape.Livestock.First(p.Name.Contains) + "养殖" : _shape.ShortCrops.First(p.Name.Contains) + "种植")
            : _shape.Products.FirstOrDefault(p.Name.Contains) ?? "特色农业";
        return ($"{_shape.Name}{stem}{what}专业合作社", CreditCodeFor($"{p.Township.Name}{p.Village}-coop-{p.Index}", _shape.Code, "93"));
    }

    /// <summary>A valid unified social credit code for a name, the same every time: registration authority and type
    /// (91 enterprise, 93 farmers' cooperative), region, "MA4" plus six characters, and the check character.</summary>
    private string CreditCodeFor(string name, string region, string type = "91")
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var r = new Random(unchecked(_seed + name.Aggregate(23, (h, c) => h * 31 + c)));
        var body = type + region + "MA4" + new string(Enumerable.Range(0, 6).Select(_ => alphabet[r.Next(alphabet.Length)]).ToArray());
        return CreditCode.Complete(body);
    }

    // ---- time and randomness

    private static DateOnly D(int y, int m, int d) => new(y, m, d);
    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A moment of a China calendar day, as UTC (what the API's clock records).</summary>
    private static DateTimeOffset At(DateOnly day, int hour, int minute)
        => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), ChinaTime.Offset).ToUniversalTime();

    /// <summary>Office hours in China: 08:30–17:30.</summary>
    private static DateTimeOffset Office(DateOnly day, Random r) => At(day, 8, 30).AddMinutes(r.Next(0, 9 * 60));

    private static DateOnly ChinaDay(DateTimeOffset at) => ChinaTime.DateOf(at);

    private static T Pick<T>(IReadOnlyList<T> from, Random r) => from[r.Next(from.Count)];

    private static string Weighted((string Value, int Weight)[] options, Random r)
    {
        var x = r.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if (x < weight) return value;
            x -= weight;
        }
        throw new InvalidOperationException();
    }

    private static void Shuffle<T>(IList<T> list, Random r)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>A version-7 Guid (time-ordered, like the API's) from a recorded time and seeded random bits.</summary>
    private static Guid NewId(DateTimeOffset at, Random r)
    {
        Span<byte> b = stackalloc byte[16];
        r.NextBytes(b);
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) b[i] = (byte)(ms >> (8 * (5 - i)));
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }

    // ---- simulation state

    private sealed class SimProject
    {
        public int Index { get; init; }
        public Guid Id { get; set; }
        public ProjectKind Kind { get; init; }
        public string Category { get; init; } = "";
        public string Name { get; init; } = "";
        public DemoTownship Township { get; init; } = null!;
        public string Village { get; init; } = "";
        public int PlanYear { get; init; }
        public decimal Budget { get; init; }
        public Actor Hq { get; init; } = null!;
        public Actor Committee { get; init; } = null!;
        public IReadOnlyList<string> Signatories { get; init; } = [];
        public Random R { get; init; } = null!;
        public Project? State { get; set; }
        public ProjectTimeline? Timeline { get; set; }
        /// <summary>Sources with an allocation to this project, in the order allocated.</summary>
        public List<SimSource> Sources { get; } = [];
    }

    private sealed class SimSource
    {
        public int Slot { get; init; }
        public Guid Id { get; set; }
        public FundSourceKind Kind { get; init; }
        public int FiscalYear { get; init; }
        public string Name { get; init; } = "";
        public string Document { get; init; } = "";
        public decimal Total { get; init; }
        public Random R { get; init; } = null!;
        public FundSource? State { get; set; }
    }

    /// <summary>One project's planned steps. Lifecycle steps follow each other: a step's business date is not
    /// before the previous step's, nor before the day the previous step was recorded (nobody signs off a
    /// completion not yet reported). Side steps (payments, allocations, operation) have their own dates.
    /// All are scheduled in recorded-time order, strictly increasing, and only up to the horizon.</summary>
    private sealed class LifePlan(DemoCountyGenerator g, Random r)
    {
        private readonly List<(DateTimeOffset At, Action Step)> _steps = [];
        private DateTimeOffset _lastAt = DateTimeOffset.MinValue;
        public DateOnly LastOn { get; private set; }
        public bool Stopped { get; private set; }

        public (DateOnly On, DateTimeOffset At) Life(DateOnly planned, int reportDelayDays, Action step) => Life(planned, reportDelayDays, _ => step());

        public (DateOnly On, DateTimeOffset At) Life(DateOnly planned, int reportDelayDays, Action<DateOnly> step)
        {
            var on = Max(planned, LastOn);
            if (_lastAt != DateTimeOffset.MinValue) on = Max(on, ChinaDay(_lastAt));
            var at = Office(on.AddDays(reportDelayDays), r);
            if (at <= _lastAt) at = _lastAt.AddMinutes(r.Next(5, 90));
            LastOn = on;
            _lastAt = at;
            if (Stopped || ChinaDay(at) > Horizon)
            {
                Stopped = true;
                return (on, at);
            }
            _steps.Add((at, () => step(on)));
            return (on, at);
        }

        public void Side(DateTimeOffset at, Action step)
        {
            if (ChinaDay(at) <= Horizon) _steps.Add((at, step));
        }

        public void Schedule()
        {
            var last = DateTimeOffset.MinValue;
            foreach (var (at, step) in _steps.OrderBy(s => s.At))
            {
                var when = at <= last ? last.AddMinutes(1) : at;
                g.Schedule(when, step);
                last = when;
            }
        }
    }
}
