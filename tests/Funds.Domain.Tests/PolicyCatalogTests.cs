using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using Funds.Domain.Policy;

namespace Funds.Domain.Tests;

public class PolicyCatalogTests
{
    [Fact]
    public void every_rule_names_its_source_and_the_county_values_in_force()
    {
        var rules = PolicyCatalog.Describe(new CountyPolicy { ProgressPaymentCap = 0.6m }, DeadlinePolicy.Default with { AtRiskDays = 20 });
        var byId = rules.ToDictionary(r => r.Id);
        Assert.Equal(rules.Count, byId.Count);
        Assert.Equal(RuleSource.Seed, byId["2019-continuing-completion"].Source);
        Assert.Equal(RuleSource.Seed, byId["no-layered-subcontracting"].Source);
        Assert.Equal(RuleSource.Seed, byId["sign-off-basis-for-settlement"].Source);
        Assert.Equal((0.6m, RuleSource.Configurable), ((decimal)byId["progress-cap"].Value, byId["progress-cap"].Source));
        Assert.Contains("Funds:Policy:ProgressPaymentCap", byId["progress-cap"].Where);
        Assert.Equal(20, byId["at-risk-days"].Value);
        foreach (var id in new[] { "small-works-threshold", "contract-within-budget", "idle-allocation-days", "deadlines-for-industry-projects" })
            Assert.Equal(RuleSource.Configurable, byId[id].Source);
        Assert.Equal(RuleSource.Control, byId["settlement-not-below-paid"].Source);
        Assert.Equal(RuleSource.Seed, byId["2019-housing-safety"].Source);
        Assert.Equal(("finance", RuleSource.Configurable), ((string)byId["approving-role"].Value, byId["approving-role"].Source));
        Assert.All(rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Where)));
    }

    [Fact]
    public void every_county_policy_setting_is_listed_as_configurable()
    {
        var listed = PolicyCatalog.Describe(CountyPolicy.Default, DeadlinePolicy.Default)
            .Where(r => r.Source == RuleSource.Configurable).Select(r => r.Where).ToList();
        foreach (var setting in typeof(CountyPolicy).GetProperties().Where(p => p.CanWrite).Select(p => p.Name))
            Assert.True(listed.Any(w => w.StartsWith($"{PolicyCatalog.PolicyKey}{setting} ")), $"CountyPolicy.{setting} is not listed by GET /api/policy");
    }

    [Fact]
    public void configured_deadline_rules_are_listed_as_policy()
    {
        var extra = new DeadlineRule { Id = "2020-completion", Description = "2020", PlanYearFrom = 2020, Due = new DateOnly(2020, 9, 30) };
        var rules = PolicyCatalog.Describe(CountyPolicy.Default, new DeadlinePolicy([.. DeadlinePolicy.Plan2019, extra]));
        Assert.Equal(RuleSource.Configurable, rules.Single(r => r.Id == "2020-completion").Source);
    }
}
