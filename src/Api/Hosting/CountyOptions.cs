namespace Funds.Api.Hosting;

/// <summary>A county served by this deployment: the tenant, identified by its administrative division
/// code (GB/T 2260); the first two digits name its province.</summary>
public sealed record CountyOptions
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>Its own database, when the tenancy mode is DatabasePerCounty.</summary>
    public string? ConnectionString { get; init; }

    public string Province => Code.Length >= 2 ? Code[..2] : "";
}
