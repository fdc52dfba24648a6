using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

/// <summary>Builds project states by folding events, the way the store does.</summary>
public static class Given
{
    public static readonly Actor Hq = new("hq-guandian", "township-hq", "官店镇");
    public static readonly DateTimeOffset Now = new(2020, 1, 15, 10, 0, 0, ChinaTime.Offset);
    /// <summary>The default policy, but without a late-entry limit: these tests record 2019 steps in 2020 (the late-entry
    /// rule has tests of its own).</summary>
    public static readonly CountyPolicy Policy = CountyPolicy.Default with { LateEntryDays = 0 };
    public static readonly Actor Finance = new("caiwu-li", "finance");
    public static DecisionContext Ctx(DateTimeOffset? now = null) => new(Hq, now ?? Now, Policy);
    public static DecisionContext FinanceCtx(CountyPolicy? policy = null) => new(Finance, Now, policy ?? Policy);
    public static readonly Guid Id = Guid.Parse("0190c3b2-0000-7000-8000-000000000001");
    public const string Code = "91422822MA4955XK21";
    public const string OtherCode = "91422822MA49AB123M";
    public static DateOnly D(string s) => DateOnly.Parse(s);

    public static Project Fold(params object[] events) => events.Aggregate((Project?)null, Project.Evolve)!;

    public static ProjectRegistered Registered(ProjectKind kind = ProjectKind.Infrastructure, string category = "road")
        => new(Id, kind, category, "通组公路", "官店镇", "黄坪村", 2019, D("2019-01-10"), Hq, Now);

    public static ProjectScreened Screened(bool included = true) => new(Id, included, included ? "列入项目库" : "不符合条件", D("2019-01-20"), Hq, Now);
    public static ProjectAssessed Assessed(bool feasible = true)
        => new(Id, feasible, feasible ? "可行" : "不可行", 46, [new PlannedFunding(FundSourceKind.SpecialPovertyFund, 1_000_000m)], D("2019-01-25"), Hq, Now);
    public static Project Assessed_() => Fold(Registered(), Screened(), Assessed());
    public static ProjectApproved Approved(decimal budget = 1_000_000m) => new(Id, "建扶发〔2019〕12号", budget, "县扶贫开发领导小组", D("2019-02-01"), Hq, Now);
    public static BuilderSelected Builder(decimal amount = 900_000m) => new(Id, new Builder("路桥公司", Code), BuilderSelectionMethod.PublicTender, "ZB-1", amount, D("2019-02-20"), Hq, Now);
    public static ConstructionStarted Started() => new(Id, D("2019-03-01"), Hq, Now);
    public static ConstructionCompleted Completed(string on = "2019-06-20") => new(Id, D(on), false, Hq, Now);
    public static AcceptanceSignedOff SignedOff() => new(Id, ["李国华"], D("2019-06-25"), Hq, Now);
    public static AcceptanceRefused Refused() => new(Id, "排水沟未完成", ["李国华"], D("2019-06-22"), Hq, Now);
    public static ProjectSettled Settled() => new(Id, 880_000m, D("2019-07-10"), Hq, Now);
    public static ProjectCancelled Cancelled() => new(Id, "搬迁", D("2019-03-05"), Hq, Now);
    public static OperatingEntityAssigned Entity() => new(Id, "合作社", Code, D("2019-06-26"), Hq, Now);

    public static Project Registered_() => Fold(Registered());
    public static Project Approved_() => Fold(Registered(), Approved());
    public static Project WithBuilder() => Fold(Registered(), Approved(), Builder());
    public static Project UnderConstruction() => Fold(Registered(), Approved(), Builder(), Started());
    public static Project Completed_() => Fold(Registered(), Approved(), Builder(), Started(), Completed());
    public static Project Accepted() => Fold(Registered(), Approved(), Builder(), Started(), Completed(), SignedOff());
    public static Project Rectifying() => Fold(Registered(), Approved(), Builder(), Started(), Completed(), Refused());
    public static Project Settled_() => Fold(Registered(), Approved(), Builder(), Started(), Completed(), SignedOff(), Settled());
    public static Project Cancelled_() => Fold(Registered(), Approved(), Cancelled());

    public static Project IndustryAccepted(bool withEntity = true)
    {
        var events = new List<object> { Registered(ProjectKind.Industry, "cooperative"), Approved(), Builder(), Started(), Completed(), SignedOff() };
        if (withEntity) events.Add(Entity());
        return Fold([.. events]);
    }
}

/// <summary>Fund sources, allocations and payments for the rule tests.</summary>
public static class Sources
{
    public static readonly Guid SourceId = Guid.Parse("0190c3b2-0000-7000-8000-0000000000f1");
    public static readonly SourceRef Ref = new(SourceId, "中央财政专项扶贫资金", FundSourceKind.SpecialPovertyFund, 2019);

    public static FundSource Source(decimal received = 1_000_000m, params object[] more)
    {
        object[] events =
        [
            new FundSourceRegistered(SourceId, Ref.Name, Ref.Kind, 2019, "鄂财农发1号", D("2019-01-05"), Hq, Now),
            new FundsReceived(SourceId, received, "到位1号", D("2019-01-20"), Hq, Now),
            .. more,
        ];
        return events.Aggregate((FundSource?)null, FundSource.Evolve)!;
    }

    public static FundsAllocated Allocation(Project p, decimal amount) => new(SourceId, Guid.NewGuid(), Ref, p.Ref, amount, "建财预8号", D("2019-02-10"), Hq, Now);

    public static Project Paid(Project p, decimal amount, Guid? from = null, DisbursementKind kind = DisbursementKind.Progress)
        => Project.Evolve(p, new FundsDisbursed(p.Id, Guid.NewGuid(), Ref with { FundSourceId = from ?? SourceId }, p.Ref, amount, kind,
            new Payee("路桥公司", Code), null, "V", D("2019-04-01"), Hq, Now))!;
}

/// <summary>Villages of the county's register for the rule tests.</summary>
public static class Villages
{
    public static Village Registered(string township = "官店镇", string name = "黄坪村", VillageStatus status = VillageStatus.Poor)
        => Village.Evolve(null, new VillageRegistered(Guid.NewGuid(), township, name, status, null, D("2017-01-01"), Hq, Now))!;

    public static readonly Village Huangping = Registered();
}

public static class Expect
{
    public static RuleViolation Rule(string rule, RejectionKind kind, Action act)
    {
        var e = Assert.ThrowsAny<RuleViolation>(act);
        Assert.Equal(rule, e.Rule);
        Assert.Equal(kind, e.Kind);
        return e;
    }

    public static InvalidCommand Invalid(Action act, params string[] fields)
    {
        var e = Assert.Throws<InvalidCommand>(act);
        foreach (var f in fields) Assert.Contains(f, e.Errors.Keys);
        return e;
    }
}
