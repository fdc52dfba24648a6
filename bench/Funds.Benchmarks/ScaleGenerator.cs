using Funds.Domain.Common;
using Funds.Domain.Access;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using JasperFx.Events;
using Marten;

namespace Funds.Benchmarks;

/// <summary>Many synthetic counties, written straight through Marten's bulk append (COPY). Each county:
/// 10 townships × 30 projects, each registered → approved → builder → started → completed → signed off
/// → two progress payments and a final one → settled; 6 fund sources receiving money and allocating it.</summary>
public static class ScaleGenerator
{
    public const int ProjectsPerCounty = 300;
    public const int SourcesPerCounty = 6;

    /// <summary>The kinds of a county's sources: not MicroCredit, which is household loans, not a source projects draw on.</summary>
    private static readonly FundSourceKind[] Kinds =
        [FundSourceKind.SpecialPovertyFund, FundSourceKind.IntegratedAgriculturalFund, FundSourceKind.CountyFiscal,
         FundSourceKind.EastWestCooperation, FundSourceKind.Social, FundSourceKind.SpecialPovertyFund];

    public const int VillagesPerCounty = 10 * 9;

    public static int EventsPerCounty => ProjectsPerCounty * 12 + SourcesPerCounty * 3 + ProjectsPerCounty + VillagesPerCounty;

    public static string Township(int county, int t) => $"县{county:000}-镇{t:00}";

    public static Guid Id(int county, int kind, int n) => new(county, (short)kind, (short)n, 1, 2, 3, 4, 5, 6, 7, 8);

    public static List<StreamAction> County(DocumentStore store, int county)
    {
        var hq = new Actor("bench-hq", Roles.TownshipHq);
        var fin = new Actor("bench-finance", Roles.Finance);
        var vc = new Actor("bench-vc", Roles.VillageCommittee);
        var at = new DateTimeOffset(2019, 1, 2, 9, 0, 0, TimeSpan.FromHours(8));
        DateOnly D(int m, int d) => new(2019, m, d);
        var streams = new List<StreamAction>();
        // The county's register of villages (master data) holding every village a project is placed in.
        var admin = new Actor("bench-admin", Roles.Admin);
        for (var t = 0; t < 10; t++)
        for (var v = 0; v < 9; v++)
        {
            var (township, village) = (Township(county, t), $"村{v:00}");
            var vid = Id(county, 4, t * 9 + v);
            streams.Add(StreamAction.Start(store.Events, vid,
                [new VillageRegistered(vid, township, village, VillageStatus.Poor, null, new DateOnly(2017, 1, 1), admin, at)]));
        }
        var projects = Enumerable.Range(0, ProjectsPerCounty).Select(n =>
        {
            var id = Id(county, 1, n);
            var t = n % 10;
            return new ProjectRef(id, $"通组公路硬化 {county}-{n}", Township(county, t), $"村{n % 9:00}", n % 7 == 0 ? ProjectCategories.DrinkingWater : ProjectCategories.Road, n % 3 == 0 ? 2018 : 2019);
        }).ToList();

        for (var s = 0; s < SourcesPerCounty; s++)
        {
            var sid = Id(county, 2, s);
            var source = new SourceRef(sid, $"县{county:000}专项扶贫资金{s}", Kinds[s], 2019);
            var mine = projects.Where((_, i) => i % SourcesPerCounty == s).ToList();
            var events = new List<object>
            {
                new FundSourceRegistered(sid, source.Name, source.Kind, 2019, $"文{county}-{s}", D(1, 5), fin, at),
                new FundsReceived(sid, 30_000_000m, $"到位{county}-{s}-1", D(1, 20), fin, at),
                new FundsReceived(sid, 20_000_000m, $"到位{county}-{s}-2", D(3, 20), fin, at),
            };
            events.AddRange(mine.Select((p, i) => (object)new FundsAllocated(sid, Id(county, 3, i * 10 + s), source, p, 1_000_000m, $"安排{county}-{i}", D(2, 10), fin, at)));
            streams.Add(StreamAction.Start(store.Events, sid, events.ToArray()));
        }

        foreach (var (p, i) in projects.Select((p, i) => (p, i)))
        {
            var source = new SourceRef(Id(county, 2, i % SourcesPerCounty), $"县{county:000}专项扶贫资金{i % SourcesPerCounty}", Kinds[i % SourcesPerCounty], 2019);
            var builder = new Builder("恩施州路桥建设有限公司", "91422822MA4955XK21");
            var events = new List<object>
            {
                new ProjectRegistered(p.ProjectId, ProjectKind.Infrastructure, p.Category, p.Name, p.Township, p.Village, p.PlanYear, D(1, 10), hq, at),
                new ProjectScreened(p.ProjectId, true, "列入项目库", D(1, 20), hq, at),
                new ProjectAssessed(p.ProjectId, true, "可行", 40, [new PlannedFunding(source.Kind, 1_000_000m)], D(1, 25), hq, at),
                new ProjectApproved(p.ProjectId, $"建扶发〔2019〕{i}号", 1_000_000m, "县扶贫开发领导小组", D(2, 1), fin, at, [new PlannedFunding(source.Kind, 1_000_000m)]),
                new BuilderSelected(p.ProjectId, builder, BuilderSelectionMethod.PublicTender, $"ZB-{county}-{i}", 950_000m, D(2, 20), hq, at),
                new ConstructionStarted(p.ProjectId, D(3, 1), hq, at),
                new ConstructionCompleted(p.ProjectId, D(i % 4 == 0 ? 7 : 6, 20), false, hq, at),
                new AcceptanceSignedOff(p.ProjectId, ["李国华"], D(7, 25), vc, at),
            };
            for (var k = 0; k < 3; k++)
                events.Add(new FundsDisbursed(p.ProjectId, Disbursement(p.ProjectId, k), source, p, Amount(k), k == 2 ? DisbursementKind.Final : DisbursementKind.Progress,
                    new Payee(builder.Name, builder.CreditCode), null, $"V-{county}-{i}-{k}", PaidOn(k), fin, at));
            events.Add(new ProjectSettled(p.ProjectId, 900_000m, D(8, 20), fin, at));
            streams.Add(StreamAction.Start(store.Events, p.ProjectId, events.ToArray()));
        }
        return streams;
    }

    private static Guid Disbursement(Guid project, int k) => new(project.ToString()[..^1] + k);
    private static decimal Amount(int k) => k switch { 0 => 300_000m, 1 => 300_000m, _ => 300_000m };
    private static DateOnly PaidOn(int k) => k switch { 0 => new(2019, 4, 1), 1 => new(2019, 6, 1), _ => new(2019, 8, 25) };
}
