using Funds.Domain.Common;
using Funds.Domain.Projects;

namespace Funds.Domain.Tests;

public class EventVersionTests
{
    private static readonly Actor Hq = new("hq-li", "township-hq", "官店镇");
    private static readonly DateTimeOffset Recorded = new(2019, 12, 21, 9, 0, 0, ChinaTime.Offset);

    [Fact]
    public void an_income_distribution_of_version_1_upcasts_to_version_2_without_losing_a_fen()
    {
        var id = Guid.NewGuid();
        var v1 = new IncomeDistributedV1(id, "2019年度", 36_000.01m, 48, 12_000.99m, new DateOnly(2019, 12, 20), Hq, Recorded);
        Assert.Equal(new IncomeDistributed(id, "2019年度", new HouseholdsTotal(36_000.01m, 48), 12_000.99m, new DateOnly(2019, 12, 20), Hq, Recorded), v1.Upcast());
    }

    [Fact]
    public void the_fold_reads_an_upcast_distribution_like_a_new_one()
    {
        var v1 = new IncomeDistributedV1(Guid.NewGuid(), "2019年度", 36_000m, 48, 12_000m, new DateOnly(2019, 12, 20), Hq, Recorded);
        var state = Project.Evolve(null, new ProjectRegistered(v1.ProjectId, ProjectKind.Industry, "cooperative", "茶叶专业合作社", "官店镇", "黄坪村",
            2019, new DateOnly(2019, 1, 10), Hq, Recorded))!;
        var after = Project.Evolve(state, v1.Upcast())!;
        Assert.Equal((36_000m, 12_000m, 1), (after.IncomeToHouseholds, after.IncomeToCollective, after.IncomeDistributions));
    }
}
