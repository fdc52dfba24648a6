using Funds.Api.Deadlines;
using Funds.Domain.Deadlines;
using Funds.Domain.Projects;
using Microsoft.Extensions.Configuration;

namespace Funds.IntegrationTests;

public class ConfigurationTests
{
    [Fact]
    public void deadline_rules_for_other_years_bind_from_configuration_as_documented()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Funds:Deadlines:AtRiskDays"] = "20",
            ["Funds:Deadlines:Rules:0:Id"] = "2020-completion",
            ["Funds:Deadlines:Rules:0:Description"] = "2020年项目9月底前完工",
            ["Funds:Deadlines:Rules:0:PlanYearFrom"] = "2020",
            ["Funds:Deadlines:Rules:0:PlanYearTo"] = "2020",
            ["Funds:Deadlines:Rules:0:Categories:0"] = "road",
            ["Funds:Deadlines:Rules:0:Kind"] = "Completion",
            ["Funds:Deadlines:Rules:0:Due"] = "2020-09-30",
        }).Build();
        var options = config.GetSection("Funds:Deadlines").Get<DeadlineOptions>()!;
        var rule = Assert.Single(options.Rules);
        Assert.Equal(20, options.AtRiskDays);
        Assert.Equal(("2020-completion", 2020, DeadlineKind.Completion, new DateOnly(2020, 9, 30)), (rule.Id, rule.PlanYearFrom!.Value, rule.Kind, rule.Due));
        Assert.Equal(["road"], rule.Categories);
        Assert.True(rule.AppliesTo(2020, "road"));
        Assert.False(rule.AppliesTo(2020, "workshop"));
    }

    [Fact]
    public void store_connections_keep_their_cached_plans_unless_the_connection_string_says_otherwise()
    {
        Assert.True(new Npgsql.NpgsqlConnectionStringBuilder(Funds.Api.Hosting.FundsStore.Tuned("Host=db;Username=funds_app;Database=funds")).NoResetOnClose);
        Assert.False(new Npgsql.NpgsqlConnectionStringBuilder(Funds.Api.Hosting.FundsStore.Tuned("Host=db;Database=funds;No Reset On Close=false")).NoResetOnClose);
    }

    [Fact]
    public void only_the_rebuild_s_store_prepares_statements_automatically()
    {
        static int MaxAutoPrepare(string s) => new Npgsql.NpgsqlConnectionStringBuilder(s).MaxAutoPrepare;
        Assert.Equal(0, MaxAutoPrepare(Funds.Api.Hosting.FundsStore.Tuned("Host=db;Database=funds")));
        Assert.Equal(32, MaxAutoPrepare(Funds.Api.Hosting.FundsStore.Tuned("Host=db;Database=funds", prepared: true)));
        Assert.Equal(5, MaxAutoPrepare(Funds.Api.Hosting.FundsStore.Tuned("Host=db;Database=funds;Max Auto Prepare=5", prepared: true)));
        const string configured = "Host=db;Database=funds";
        using var rebuild = Funds.Api.Hosting.FundsStore.ForRebuild(new(configured, new()), JasperFx.AutoCreate.None);
        using var live = Marten.DocumentStore.For(o => Funds.Api.Hosting.FundsStore.Configure(o, configured, new()));
        Assert.Equal(32, MaxAutoPrepare(rebuild.Storage.Database.CreateConnection().ConnectionString));
        Assert.Equal(0, MaxAutoPrepare(live.Storage.Database.CreateConnection().ConnectionString));
    }
}
