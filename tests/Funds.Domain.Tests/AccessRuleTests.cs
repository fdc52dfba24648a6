using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.Findings;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;

namespace Funds.Domain.Tests;

public class AccessRules
{
    private static readonly Place Huangping = new("官店镇", "黄坪村");

    [Fact]
    public void every_command_of_the_domain_is_in_the_permissions_table()
    {
        var commands = typeof(ICommand).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICommand).IsAssignableFrom(t)).ToList();
        Assert.True(commands.Count >= 21, $"only {commands.Count} commands found");
        Assert.All(commands, c => Assert.True(Permissions.Commands.ContainsKey(c), $"{c.Name} is not in the permissions table"));
        Assert.All(Permissions.Commands.Keys, c => Assert.Contains(c, commands));
    }

    [Fact]
    public void a_role_not_in_the_table_is_refused_whatever_its_scope()
    {
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("hq", Roles.TownshipHq, "官店镇"), typeof(SettleProject), Huangping));
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("a", Roles.Admin), typeof(DisburseFunds), Huangping));
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("p", Roles.ProvinceFinance), typeof(ReceiveFunds), null));
        Authorization.Authorize(new Actor("cw", Roles.Finance), typeof(ApproveProject), Huangping);
    }

    [Fact]
    public void approval_is_open_to_every_role_a_county_may_choose_the_township_hq_only_in_its_township()
    {
        // Which of them approves in a county is its policy (ProjectDecider.ApproverInPolicy).
        Authorization.Authorize(new Actor("hq", Roles.TownshipHq, "官店镇"), typeof(ApproveProject), Huangping);
        Expect.Rule("outside-scope", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("hq", Roles.TownshipHq, "高坪镇"), typeof(ApproveProject), Huangping));
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("vc", Roles.VillageCommittee, "官店镇/黄坪村"), typeof(ApproveProject), Huangping));
    }

    [Fact]
    public void a_township_hq_acts_in_its_township_and_a_committee_for_its_village()
    {
        Authorization.Authorize(new Actor("hq", Roles.TownshipHq, "官店镇"), typeof(StartConstruction), Huangping);
        Expect.Rule("outside-scope", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("hq", Roles.TownshipHq, "高坪镇"), typeof(StartConstruction), Huangping));
        Authorization.Authorize(new Actor("vc", Roles.VillageCommittee, "官店镇/黄坪村"), typeof(SignOffAcceptance), Huangping);
        Expect.Rule("outside-scope", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("vc", Roles.VillageCommittee, "官店镇/望坪村"), typeof(SignOffAcceptance), Huangping));
        // Village names repeat across townships: the same name in another township is another village.
        Expect.Rule("outside-scope", RejectionKind.Forbidden, () => Authorization.Authorize(new Actor("vc", Roles.VillageCommittee, "高坪镇/黄坪村"), typeof(RefuseAcceptance), Huangping));
    }

    [Fact]
    public void readers_see_their_reach_and_only_listed_roles_read_history()
    {
        Assert.True(Authorization.CanSee(new Actor("cw", Roles.Finance), Huangping));
        Assert.True(Authorization.CanSee(new Actor("hq", Roles.TownshipHq, "官店镇"), Huangping));
        Assert.False(Authorization.CanSee(new Actor("hq", Roles.TownshipHq, "高坪镇"), Huangping));
        Assert.True(Authorization.CanSee(new Actor("vc", Roles.VillageCouncil, "官店镇/黄坪村"), Huangping));
        Assert.False(Authorization.CanSee(new Actor("vc", Roles.VillageCouncil, "官店镇/望坪村"), Huangping));
        Assert.Equal(("官店镇", "黄坪村"), Authorization.Bounds(new Actor("vc", Roles.VillageCommittee, "官店镇/黄坪村")));
        Authorization.RequireRead(new Actor("sj", Roles.Auditor), Reads.History);
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.RequireRead(new Actor("dz", Roles.Supervisor), Reads.History));
        Expect.Rule("role-not-allowed", RejectionKind.Forbidden, () => Authorization.RequireRead(new Actor("hq", Roles.TownshipHq, "官店镇"), Reads.FundSources));
    }
}
