namespace Funds.Api.Hosting;

public sealed record TenancyOptions
{
    public TenancyMode Mode { get; init; } = TenancyMode.Conjoined;
    public List<CountyOptions> Counties { get; init; } = [];
}
