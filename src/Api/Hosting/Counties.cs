namespace Funds.Api.Hosting;

/// <summary>The counties of this deployment and each one's policy: "Funds:Policy", overridden per county by
/// "Funds:Tenancy:Counties:N:Policy".</summary>
public sealed class Counties
{
    private readonly Dictionary<string, (CountyOptions County, CountyPolicy Policy)> _byCode;

    public Counties(TenancyOptions options, IConfiguration configuration)
    {
        if (options.Counties.Count == 0)
            throw new InvalidOperationException("No county is configured: set Funds:Tenancy:Counties (code and name of each county this deployment serves).");
        foreach (var c in options.Counties)
            if (!IsCode(c.Code))
                throw new InvalidOperationException($"'{c.Code}' is not a six-digit administrative division code (GB/T 2260); check Funds:Tenancy:Counties.");
        var defaults = configuration.GetSection("Funds:Policy").Get<CountyPolicy>() ?? CountyPolicy.Default;
        _byCode = options.Counties.ToDictionary(c => c.Code, c => (c, PolicyOf(configuration, c, defaults)));
        Mode = options.Mode;
    }

    public TenancyMode Mode { get; }
    public IReadOnlyList<CountyOptions> All => _byCode.Values.Select(v => v.County).ToList();
    public string Default => _byCode.Keys.First();

    public CountyOptions? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var c) ? c.County : null;
    public IReadOnlyList<CountyOptions> InProvince(string province) => All.Where(c => c.Province == province).ToList();
    public CountyPolicy PolicyOf(string county) => _byCode.TryGetValue(county, out var c) ? c.Policy : CountyPolicy.Default;

    public static bool IsCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    private static CountyPolicy PolicyOf(IConfiguration configuration, CountyOptions county, CountyPolicy defaults)
    {
        var index = configuration.GetSection("Funds:Tenancy:Counties").GetChildren().FirstOrDefault(c => c["Code"] == county.Code);
        var own = index?.GetSection("Policy");
        if (own is null || !own.GetChildren().Any()) return defaults;
        var merged = defaults with { };
        own.Bind(merged);
        return merged;
    }
}
