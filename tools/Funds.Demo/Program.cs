using Funds.Api.Hosting;

namespace Funds.Demo;

/// <summary>The API, plus the demo counties seeded into an empty database at start-up (Funds:Demo:Seed, on unless set to false).</summary>
public static class DemoProgram
{
    public static Task<int> Main(string[] args) => FundsApi.RunAsync(args,
        builder =>
        {
            if (builder.Configuration.GetValue("Funds:Demo:Seed", true)) builder.Services.AddHostedService<DemoCountySeeder>();
        },
        contentRoot: AppContext.BaseDirectory);
}
