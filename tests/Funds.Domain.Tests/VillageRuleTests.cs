using Funds.Domain.Common;
using Funds.Domain.Projects;
using Funds.Domain.Villages;
using static Funds.Domain.Tests.Given;

namespace Funds.Domain.Tests;

public class VillageRuleTests
{
    private static readonly Actor Admin = new("ops", "admin");
    private static DecisionContext AdminCtx(CountyPolicy? policy = null) => new(Admin, Now, policy ?? Given.Policy);

    [Theory]
    [InlineData("黄坪村")]
    [InlineData("  黄坪村 ")]
    [InlineData("前王庄村")]
    [InlineData("光明街道 一社区")]
    public void ordinary_names_pass(string name) => Assert.Null(PlaceNames.Problem(name));

    [Theory]
    [InlineData("黄\u200B坪村")]     // zero-width space
    [InlineData("黄坪村\u200D")]     // zero-width joiner
    [InlineData("\uFEFF黄坪村")]     // byte order mark
    [InlineData("黄坪\u202E村")]     // right-to-left override
    [InlineData("黄坪\u0007村")]     // control
    [InlineData("黄坪\u3000村")]     // ideographic space inside
    [InlineData("黄坪\u3164村")]     // Hangul filler
    [InlineData("官店镇/黄坪村")]    // scope separator
    [InlineData("黄坪村\uE000")]     // private use
    [InlineData("黄坪\uD800村")]     // lone surrogate
    [InlineData("Ｈｕａｎｇ村")]     // full-width letters
    [InlineData("⼀组村")]           // Kangxi radical that looks like 一
    [InlineData("")]
    public void invisible_ambiguous_or_look_alike_names_are_refused(string name) => Assert.NotNull(PlaceNames.Problem(name));

    [Fact]
    public void names_are_taken_in_nfc_and_trimmed()
    {
        var decomposed = "Cafe\u0301村";
        Assert.Equal("Café村", PlaceNames.Normalize(" " + decomposed + " "));
        Assert.Equal(PlaceNames.Skeleton("Café村"), PlaceNames.Skeleton(decomposed));
    }

    [Fact]
    public void a_village_is_registered_once_with_its_status()
    {
        var e = VillageDecider.Register(Guid.NewGuid(), new RegisterVillage(" 官店镇 ", "黄坪村", VillageStatus.Exiting, 2019, D("2017-01-01")), null, [], AdminCtx());
        Assert.Equal(("官店镇", "黄坪村", VillageStatus.Exiting, 2019), (e.Township, e.Name, e.Status, e.ExitYear));
        var v = Village.Evolve(null, e)!;
        Expect.Rule("village-already-registered", RejectionKind.Conflict,
            () => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "黄坪村", VillageStatus.Poor, null), v, [v], AdminCtx()));
    }

    [Fact]
    public void a_look_alike_of_a_registered_village_is_refused()
    {
        var v = Villages.Registered("官店镇", "A1村");
        Expect.Rule("village-look-alike", RejectionKind.Unprocessable,
            () => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "a1村", VillageStatus.Poor, null), null, [v], AdminCtx()));
        Expect.Rule("place-name-invalid", RejectionKind.Invalid,
            () => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "黄\u200B坪村", VillageStatus.Poor, null), null, [], AdminCtx()));
        Expect.Rule("place-name-invalid", RejectionKind.Invalid,
            () => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇/黄坪村", "一组", VillageStatus.Poor, null), null, [], AdminCtx()));
    }

    [Fact]
    public void an_exiting_village_names_its_year_and_others_do_not()
    {
        Expect.Invalid(() => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "黄坪村", VillageStatus.Exiting, null), null, [], AdminCtx()), "exitYear");
        Expect.Invalid(() => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "黄坪村", VillageStatus.NonPoor, 2019), null, [], AdminCtx()), "exitYear");
        Expect.Invalid(() => VillageDecider.Register(Guid.NewGuid(), new RegisterVillage("官店镇", "黄坪村", (VillageStatus)9, null), null, [], AdminCtx()), "status");
    }

    [Fact]
    public void status_changes_with_a_reason_and_not_to_the_same_status()
    {
        var v = Villages.Registered();
        var e = VillageDecider.ChangeStatus(new ChangeVillageStatus(VillageStatus.Exited, 2019, "2019年脱贫出列", D("2019-12-01")), v, AdminCtx());
        Assert.Equal(VillageStatus.Exited, Village.Evolve(v, e)!.Status);
        Expect.Rule("village-status-unchanged", RejectionKind.Conflict,
            () => VillageDecider.ChangeStatus(new ChangeVillageStatus(VillageStatus.Poor, null, "r", D("2019-12-01")), v, AdminCtx()));
        Expect.Rule("date-before-previous-step", RejectionKind.Unprocessable,
            () => VillageDecider.ChangeStatus(new ChangeVillageStatus(VillageStatus.Exited, 2019, "r", D("2016-12-01")), v, AdminCtx()));
    }

    [Fact]
    public void a_project_is_registered_only_in_a_village_on_the_register_unless_the_county_has_no_register_yet()
    {
        var c = new RegisterProject(ProjectKind.Infrastructure, "road", "通组公路", "官店镇", "黄坪村", 2019);
        Assert.Equal("黄坪村", ProjectDecider.Register(Id, c, Villages.Huangping, Ctx()).Village);
        Expect.Rule("village-not-registered", RejectionKind.Unprocessable, () => ProjectDecider.Register(Id, c, null, Ctx()));
        var noRegister = new DecisionContext(Hq, Now, Given.Policy with { RequireRegisteredVillages = false });
        Assert.Equal("黄坪村", ProjectDecider.Register(Id, c with { Village = " 黄坪村\u0020" }, null, noRegister).Village);
        Expect.Rule("place-name-invalid", RejectionKind.Invalid, () => ProjectDecider.Register(Id, c with { Village = "黄\u200B坪村" }, null, noRegister));
    }

    [Fact]
    public void the_village_fund_pays_out_only_what_it_holds_with_a_decision()
    {
        var v = Village.Evolve(Villages.Huangping, new VillageFundReceived(Villages.Huangping.Id, Guid.NewGuid(),
            new ProjectRef(Id, "合作社", "官店镇", "黄坪村", "cooperative", 2019), "2019年", 5_000m, D("2019-12-20"), Hq, Now))!;
        Assert.Equal(5_000m, v.FundBalance);
        var paid = VillageDecider.PayOut(Guid.NewGuid(), new PayFromVillageFund(3_000m, VillageFundPurpose.PublicWelfareJobs, "保洁公益岗", "黄坪村两委会议纪要〔2019〕5号", D("2019-12-28")), v, Ctx());
        v = Village.Evolve(v, paid)!;
        Assert.Equal(2_000m, v.FundBalance);
        Expect.Rule("village-fund-insufficient", RejectionKind.Unprocessable,
            () => VillageDecider.PayOut(Guid.NewGuid(), new PayFromVillageFund(2_000.01m, VillageFundPurpose.SmallWorks, "x", "纪要6号", D("2019-12-28")), v, Ctx()));
        Expect.Invalid(() => VillageDecider.PayOut(Guid.NewGuid(), new PayFromVillageFund(1m, VillageFundPurpose.SmallWorks, "x", null, D("2019-12-28")), v, Ctx()), "decisionRef");
    }
}
