using Funds.Api.Households;
using Funds.Api.Pipeline;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Households;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using Microsoft.Extensions.Configuration;
using static Funds.Demo.DemoCountyNames;

namespace Funds.Demo;

/// <summary>
/// The people the demo county's money is for, added to the simulated county: the register of villages (every poor
/// village, a share of them exiting in 2019, and non-poor villages of each township), about forty households per poor
/// village (names from a fixed surname and given-name list, identity numbers valid and only stored hashed), benefit
/// links of the industry projects (some below the county's minimum share), the simulation's income distributions
/// split per household with differentiated shares (exited households get half a poor household's share), the
/// collective's share into the village poverty funds and payouts from them, poverty micro-credit loans (repaid,
/// extended, some overdue) with interest subsidies (贴息) from the county's subsidy fund. Every event is decided by
/// the Domain's deciders at its recorded time; deterministic.
/// </summary>
internal sealed class DemoHouseholds
{
    private const int HouseholdsPerVillage = 40;
    private static readonly DateOnly Horizon = new(2019, 12, 31);
    private static readonly string[] Banks = ["农村商业银行", "中国邮政储蓄银行", "中国农业银行"];
    private static readonly string[] LoanPurposes = ["发展茶叶种植", "养殖生猪", "发展中蜂养殖", "购置农机", "发展高山蔬菜", "入股专业合作社", "发展魔芋种植", "养殖山羊"];

    /// <summary>The development key of <see cref="IdentityProtector"/>: the demo runs in Development.</summary>
    private static readonly IdentityProtector Identities = new(new ConfigurationBuilder()
        .AddInMemoryCollection([new("Funds:Households:IdentityKey", "funds-development-identity-key-not-for-production-0123456789")]).Build());

    private readonly DemoCountyShape _shape;
    private readonly CountyPolicy _policy;
    private readonly Random _r;
    private readonly List<DemoEvent> _log = [];
    private readonly Dictionary<Guid, Project> _projects = [];
    private readonly Dictionary<Guid, FundSource> _sources = [];
    private readonly Dictionary<Guid, Village> _villages = [];
    private readonly Dictionary<Guid, Household> _households = [];
    private readonly HashSet<string> _identities = [];
    private readonly Actor _admin;
    private readonly Actor _finance;

    private DemoHouseholds(DemoCountyShape shape, CountyPolicy policy)
    {
        _shape = shape;
        _policy = policy;
        _r = new Random(unchecked(shape.Seed * 31 + 17));
        _admin = DemoVillages.Admin;
        _finance = new Actor(shape.FinanceStaff.Cashier, Roles.Finance);
    }

    public static bool IsSubsidyFund(string name) => name.Contains("贴息");

    /// <summary>The county with its people added, all events in recorded-time order.</summary>
    public static DemoCountyData Add(DemoCountyData county, DemoCountyShape shape, CountyPolicy policy)
    {
        var people = new DemoHouseholds(shape, policy);
        foreach (var e in county.Events)
        {
            if (e.Stream == DemoStreamKind.Project) people._projects[e.StreamId] = Project.Evolve(people._projects.GetValueOrDefault(e.StreamId), e.Data)!;
            if (e.Stream == DemoStreamKind.FundSource) people._sources[e.StreamId] = FundSource.Evolve(people._sources.GetValueOrDefault(e.StreamId), e.Data)!;
        }
        people.Run(county);
        var events = county.Events.Concat(people._log).OrderBy(e => e.RecordedAt).ToList();   // stable: each stream keeps its order
        return county with { Events = events };
    }

    private void Run(DemoCountyData county)
    {
        var byVillage = Villages(county.Townships);
        Households(byVillage);
        Links();
        Distributions(county.Income ?? []);
        FundPayouts();
        Loans();
        LateFindings();
        VillageExits();
    }

    // ---- most villages planned to exit in 2019 pass the exit check (出列) in late December

    private void VillageExits()
    {
        var k = 0;
        foreach (var v in _villages.Values.Where(v => v.Status == VillageStatus.Exiting).OrderBy(v => v.Id).ToList())
        {
            if (k++ % 5 == 4) continue;   // a few still waiting for the provincial check
            var on = new DateOnly(2019, 12, 26).AddDays(_r.Next(4));
            var ctx = new DecisionContext(_admin, At(on, 17), _policy);
            Emit(VillageDecider.ChangeStatus(new ChangeVillageStatus(VillageStatus.Exited, 2019, "2019年度贫困村出列验收通过", on), v, ctx),
                DemoStreamKind.Village, v.Id, ctx.Now);
        }
    }

    // ---- the register of villages: every village with projects, 25 of them exiting in 2019, non-poor villages besides

    private Dictionary<(string Township, string Village), Village> Villages(IReadOnlyList<DemoTownship> townships)
    {
        var result = new Dictionary<(string, string), Village>();
        var used = townships.SelectMany(t => t.Villages).ToHashSet();
        var pool = _shape.VillageFirst.SelectMany(a => _shape.VillageSecond.Select(b => a + b + "村")).Where(v => !used.Contains(v)).ToList();
        var next = pool.Count / 2;
        var exiting = (int)Math.Round(townships.Sum(t => t.Villages.Count) * 25m / 92m);
        var n = 0;
        foreach (var t in townships)
        {
            foreach (var v in t.Villages)
            {
                var status = n++ % 3 == 1 && exiting-- > 0 ? VillageStatus.Exiting : VillageStatus.Poor;
                result[(t.Name, v)] = Register(t.Name, v, status, status == VillageStatus.Exiting ? 2019 : null);
            }
            for (var k = 0; k < 2 && next < pool.Count; k++)
                Register(t.Name, pool[next++], VillageStatus.NonPoor, null);
        }
        return result;
    }

    private Village Register(string township, string name, VillageStatus status, int? exitYear)
    {
        var ctx = new DecisionContext(_admin, DemoVillages.RecordedAt, _policy);
        var same = _villages.Values.Where(v => v.Township == township).ToList();
        var e = VillageDecider.Register(DemoVillages.IdOf(_shape.Code, township, name), new RegisterVillage(township, name, status, exitYear, DemoVillages.RegisteredOn),
            null, same, ctx);
        var village = Emit(e, DemoStreamKind.Village, e.VillageId, ctx.Now, [UniqueKey.For(UniqueKey.Village(township, name), e.VillageId)]);
        return village!;
    }

    // ---- households: about forty per poor village, registered (建档立卡) in 2014–2015, some exited since

    private void Households(Dictionary<(string Township, string Village), Village> villages)
    {
        var t = 0;
        foreach (var ((township, name), village) in villages)
        {
            t++;
            var hq = new Actor($"hq.register.{t:000}", Roles.TownshipHq, township);
            for (var i = 1; i <= HouseholdsPerVillage; i++)
            {
                var id = new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes($"{_shape.Code}/household/{t}/{i}")));
                var code = $"{_shape.Code}-{t:000}-{i:000}";
                var size = 1 + _r.Next(6);
                var labour = _r.Next(100) < 20 ? 0 : 1 + _r.Next(Math.Min(size, 3));
                var head = Surnames[_r.Next(Surnames.Length)] + GivenNames[_r.Next(GivenNames.Length)];
                string identity;
                do identity = IdentityNumbers.Complete($"{_shape.Code}{1950 + _r.Next(45)}{1 + _r.Next(12):00}{1 + _r.Next(28):00}{_r.Next(1000):000}");
                while (!_identities.Add(identity));
                var effective = new DateOnly(2014, 10, 1).AddDays(_r.Next(400));
                var at = DemoVillages.RecordedAt.AddDays(2).AddMinutes(t * 2).AddSeconds(i);
                // The register of 2014–2015 (精准识别) entered when the county took up Funds: a late entry, with its reason.
                var ctx = new DecisionContext(hq, at, _policy, "建档立卡户（2014—2015年精准识别）录入");
                var protectedId = Identities.Protect(_shape.Code, identity)!;
                var e = HouseholdDecider.Register(id, new RegisterHousehold(code, township, name, head, identity, size, labour, HouseholdStatus.Poor, effective),
                    village, false, false, protectedId, ctx);
                Emit(e, DemoStreamKind.Household, id, at, [UniqueKey.For(UniqueKey.Household(code), id), UniqueKey.For(UniqueKey.Identity(protectedId.Hash), id)]);

                // exits (脱贫): a quarter by the end of 2017 or 2018, still monitored
                var x = _r.Next(100);
                if (x < 25)
                {
                    var year = x < 10 ? 2017 : 2018;
                    var on = new DateOnly(year, 12, 10).AddDays(_r.Next(15));
                    Decide(id, new DecisionContext(hq, At(on.AddDays(3), 10), _policy),
                        h => HouseholdDecider.ChangeStatus(new ChangeHouseholdStatus(HouseholdStatus.ExitedMonitored, $"{year}年度脱贫验收通过，脱贫不脱政策", on), h, new DecisionContext(hq, At(on.AddDays(3), 10), _policy)));
                }
            }
        }
    }

    // ---- benefit links (带贫): industry projects link most of their village's poor households with labour capacity

    private void Links()
    {
        foreach (var p in _projects.Values.Where(p => p.Kind == ProjectKind.Industry && p.Acceptance is not null).OrderBy(p => p.Id))
        {
            var hq = p.RegisteredBy!;
            var villagers = _households.Values.Where(h => h.Township == p.Township && h.Village == p.Village && h.LabourCapable).OrderBy(h => h.Code).ToList();
            var share = _r.Next(100) < 15 ? 0.2m + _r.Next(20) / 100m : 0.6m + _r.Next(35) / 100m;   // a few projects below the minimum share
            var on = p.Acceptance!.SignedOn.AddDays(3 + _r.Next(15));
            if (on > Horizon) continue;
            var kinds = new[] { LinkKind.Dividend, LinkKind.Dividend, LinkKind.Employment, LinkKind.LandRental, LinkKind.ProducePurchase };
            foreach (var h in villagers.Where(_ => _r.NextDouble() < (double)share))
            {
                var kind = kinds[_r.Next(kinds.Length)];
                var expected = kind == LinkKind.Employment ? 6_000m + _r.Next(30) * 100m : 300m + _r.Next(30) * 50m;
                var ctx = new DecisionContext(hq, At(on, 9, int.Parse(h.Code[^3..])), _policy);
                DecideProject(p.Id, ctx, project => ProjectDecider.Link(NewId(), new LinkHousehold(h.Id, kind, expected, on,
                    kind == LinkKind.Employment ? "基地务工" : null), project, _households[h.Id], ctx));
            }
            // a link ended: the household moved away for work (外出务工)
            if (_projects[p.Id].Links.FirstOrDefault() is { } first && _r.Next(100) < 30)
            {
                var ended = first.LinkedOn.AddDays(200 + _r.Next(200));
                if (ended < Horizon)
                {
                    var ctx = new DecisionContext(hq, At(ended, 15), _policy);
                    DecideProject(p.Id, ctx, project => ProjectDecider.EndLink(new EndBenefitLink(first.LinkId, "全家外出务工，退出利益联结", ended), project, ctx));
                }
            }
        }
    }

    // ---- income distributions per household: exited households get half a poor household's share (差异化分配)

    private void Distributions(IReadOnlyList<DemoIncome> income)
    {
        var bigShareholder = true;
        foreach (var i in income.OrderBy(x => x.At))
        {
            if (!_projects.TryGetValue(i.ProjectId, out var p)) continue;
            var recipients = p.Links.Where(l => l.ActiveOn(i.On))
                .Select(l => _households[l.Household.HouseholdId])
                .Where(h => h.PoorOn(i.On))
                .Select(h => new Recipient(h.Id)).ToList();
            var toHouseholds = recipients.Count == 0 ? 0m : i.ToHouseholds;
            var toCollective = recipients.Count == 0 ? i.ToHouseholds + i.ToCollective : i.ToCollective;
            var ctx = new DecisionContext(i.By, i.At, _policy);
            var village = _villages.Values.FirstOrDefault(v => v.Township == p.Township && v.Name == p.Village);
            var command = new DistributeIncome(i.Period, toHouseholds, toCollective, recipients, i.On, "差异化分配：贫困户1份，已脱贫监测户0.5份", 1m, 0.5m);
            if (bigShareholder && recipients.Count >= 3 && toHouseholds >= 8_000m)
            {
                // once: a household that put its land and labour in as shares gets 6,000 (above the county's yearly ceiling)
                var rest = ProjectDecider.Split(toHouseholds - 6_000m, recipients.Skip(1).Select(_ => 1m).ToList());
                if (rest.All(x => x > 0))
                {
                    bigShareholder = false;
                    command = command with
                    {
                        RuleName = "按入股份额分配（土地、劳力入股大户）", PoorWeight = null, ExitedWeight = null,
                        Recipients = [recipients[0] with { Amount = 6_000m }, .. recipients.Skip(1).Select((r, k) => r with { Amount = rest[k] })],
                    };
                }
            }
            try
            {
                var (distributed, fund) = ProjectDecider.Distribute(NewId(), command, p, _households, village, ctx);
                Emit(distributed, DemoStreamKind.Project, p.Id, i.At);
                if (fund is not null) Emit(fund, DemoStreamKind.Village, fund.VillageId, i.At);
            }
            catch (RuleViolation)
            {
                // a project cancelled or otherwise out of operation by then: nothing distributed
            }
        }
    }

    // ---- the village poverty funds pay public-welfare jobs and small works by a committee decision

    private void FundPayouts()
    {
        var n = 0;
        foreach (var v in _villages.Values.Where(v => v.FundBalance > 2_000m).OrderBy(v => v.Id).ToList())
        {
            var on = new DateOnly(2019, 12, 16).AddDays(_r.Next(10));
            var committee = new Actor($"vc.fund.{++n:000}", Roles.VillageCommittee, Roles.VillageScope(v.Township, v.Name));
            var ctx = new DecisionContext(committee, At(on, 16), _policy);
            var jobs = decimal.Round(v.FundBalance * (0.3m + _r.Next(30) / 100m), 2);
            var works = decimal.Round((v.FundBalance - jobs) * 0.5m, 2);
            foreach (var (amount, purpose, payee) in new[] { (jobs, VillageFundPurpose.PublicWelfareJobs, "村级公益性岗位（保洁、护林）工资"), (works, VillageFundPurpose.SmallWorks, "村组道路维修") })
            {
                if (amount <= 0) continue;
                var paid = VillageDecider.PayOut(NewId(), new PayFromVillageFund(amount, purpose, payee,
                    $"{v.Name}两委会议纪要〔2019〕{10 + _r.Next(20)}号", on), _villages[v.Id], ctx);
                Emit(paid, DemoStreamKind.Village, v.Id, ctx.Now);
            }
        }
    }

    // ---- poverty micro-credit (扶贫小额信贷): loans to households, repaid, extended or overdue; interest subsidies (贴息)

    private void Loans()
    {
        var voucher = 0;
        var industry = _projects.Values.Where(p => p.Kind == ProjectKind.Industry && p.Status != ProjectStatus.Cancelled && p.Approval is not null).ToList();
        foreach (var h in _households.Values.Where(h => h.LabourCapable).OrderBy(h => h.Code).ToList())
        {
            if (_r.Next(100) >= 30) continue;
            var issued = new DateOnly(2017, 3, 1).AddDays(_r.Next(900));
            var term = new[] { 12, 24, 36 }[_r.Next(3)];
            var amount = 10_000m + _r.Next(9) * 5_000m;
            var project = _r.Next(100) < 30 ? industry.Where(p => p.Township == h.Township && p.Approval!.ApprovedOn <= issued).OrderBy(p => p.Id).FirstOrDefault() : null;
            var bank = (_shape.Code == "422822" ? "建始" : "枣庄") + Banks[_r.Next(Banks.Length)];
            var ctx = new DecisionContext(_finance, At(issued, 11), _policy);
            var loanId = NewId();
            if (!Decide(h.Id, ctx, x => HouseholdDecider.Issue(loanId, new IssueLoan(bank, $"XD{_shape.Code}{issued:yyyyMMdd}{h.Code[^3..]}", amount, term,
                    LoanPurposes[_r.Next(LoanPurposes.Length)], issued, project?.Id), x, project, ctx))) continue;
            var due = _households[h.Id].LoanOf(loanId)!.DueOn;

            // interest subsidy per calendar year the loan ran (at 4.35 % a year), paid in December from that year's subsidy fund
            for (var year = issued.Year; year <= Math.Min(due.Year, 2019); year++)
            {
                var from = year == issued.Year ? issued : new DateOnly(year, 1, 1);
                var to = year == due.Year ? due : new DateOnly(year, 12, 31);
                var subsidy = decimal.Round(amount * 0.0435m * (to.DayNumber - from.DayNumber) / 365m, 2);
                var source = _sources.Values.FirstOrDefault(s => IsSubsidyFund(s.Name) && s.FiscalYear == year);
                var paidOn = new DateOnly(year, 12, 18).AddDays(_r.Next(8));
                if (subsidy <= 0 || source is null || paidOn < issued || paidOn > Horizon) continue;
                var sctx = new DecisionContext(_finance, At(paidOn, 14, voucher % 50), _policy);
                var number = $"{_shape.VoucherPrefix}-TX-{year}-{++voucher:00000}";
                try
                {
                    var e = FundSourceDecider.PaySubsidy(NewId(), new PayInterestSubsidy(h.Id, loanId, $"{year}年度", subsidy, number, paidOn),
                        _sources[source.Id], _households[h.Id], false, false, sctx);
                    _sources[source.Id] = FundSource.Evolve(_sources[source.Id], e)!;
                    _log.Add(new DemoEvent(source.Id, DemoStreamKind.FundSource, e, sctx.Now, null,
                        [UniqueKey.For(UniqueKey.Subsidy(loanId, e.Period), e.SubsidyId), UniqueKey.For(UniqueKey.Voucher(number), e.SubsidyId)]));
                }
                catch (RuleViolation)
                {
                    // the year's subsidy fund is spent: no subsidy this year
                }
            }

            var fate = _r.Next(100);
            if (fate < 10 && due.AddDays(-20) <= Horizon)
            {
                var extendedOn = due.AddDays(-20 - _r.Next(20));
                var c = new DecisionContext(_finance, At(extendedOn, 10), _policy);
                Decide(h.Id, c, x => HouseholdDecider.Extend(new ExtendLoan(loanId, due.AddMonths(12), "受灾减产，经银行审核同意展期一年", extendedOn), x, c));
                due = _households[h.Id].LoanOf(loanId)!.DueOn;
            }
            if (due > Horizon) continue;
            if (fate is >= 10 and < 18)
            {
                var reported = due.AddDays(15 + _r.Next(30));
                if (reported > Horizon) continue;
                var c = new DecisionContext(_finance, At(reported, 10), _policy);
                Decide(h.Id, c, x => HouseholdDecider.ReportOverdue(new ReportLoanOverdue(loanId, reported), x, c));
            }
            else
            {
                var repaid = due.AddDays(-_r.Next(20));
                var c = new DecisionContext(_finance, At(repaid, 15), _policy);
                Decide(h.Id, c, x => HouseholdDecider.Repay(new RepayLoan(loanId, amount, repaid), x, c));
            }
        }
    }

    // ---- what a review found late (回头看): two households paid in 2018–2019 were not poor since the start of 2018

    private void LateFindings()
    {
        var paid = _log.Select(e => e.Data).OfType<HouseholdIncomeDistributed>().Where(d => d.DistributedOn >= new DateOnly(2018, 3, 1))
            .SelectMany(d => d.Shares.Select(s => s.Household.HouseholdId)).Distinct().Order().Take(2).ToList();
        foreach (var id in paid)
        {
            var h = _households[id];
            if (h.Statuses[^1].From > new DateOnly(2018, 1, 1)) continue;
            var ctx = new DecisionContext(new Actor("hq.review", Roles.TownshipHq, h.Township), At(new DateOnly(2019, 11, 20), 10), _policy);
            Decide(id, ctx, x => HouseholdDecider.ChangeStatus(new ChangeHouseholdStatus(HouseholdStatus.NotPoor,
                "“回头看”核查：家庭成员有稳定工资收入，2018年初起不符合建档立卡标准，清退", new DateOnly(2018, 1, 1)), x, ctx));
        }
    }

    // ---- plumbing

    /// <summary>Ids from the seeded random: the same demo every run.</summary>
    private Guid NewId()
    {
        var bytes = new byte[16];
        _r.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        return new Guid(bytes);
    }

    private static DateTimeOffset At(DateOnly on, int hour, int seconds = 0)
        => new DateTimeOffset(on.ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset).AddSeconds(seconds);

    private bool Decide(Guid household, DecisionContext ctx, Func<Household, object> decide)
    {
        try
        {
            Emit(decide(_households[household]), DemoStreamKind.Household, household, ctx.Now);
            return true;
        }
        catch (RuleViolation)
        {
            return false;
        }
    }

    private void DecideProject(Guid project, DecisionContext ctx, Func<Project, object> decide)
    {
        try
        {
            Emit(decide(_projects[project]), DemoStreamKind.Project, project, ctx.Now);
        }
        catch (RuleViolation)
        {
            // not linkable (e.g. not poor that day): skipped
        }
    }

    private Village? Emit(object e, DemoStreamKind kind, Guid stream, DateTimeOffset at, IReadOnlyList<UniqueKey>? keys = null)
    {
        _log.Add(new DemoEvent(stream, kind, e, at, null, keys));
        switch (kind)
        {
            case DemoStreamKind.Village:
                return _villages[stream] = Village.Evolve(_villages.GetValueOrDefault(stream), e)!;
            case DemoStreamKind.Household:
                _households[stream] = Household.Evolve(_households.GetValueOrDefault(stream), e)!;
                break;
            case DemoStreamKind.Project:
                _projects[stream] = Project.Evolve(_projects[stream], e)!;
                break;
        }
        return null;
    }
}
