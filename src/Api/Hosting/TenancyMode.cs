namespace Funds.Api.Hosting;

public enum TenancyMode
{
    /// <summary>Every county's rows in the same tables, separated by Marten's tenant_id column.</summary>
    Conjoined = 1,
    /// <summary>A database per county: given by each county's ConnectionString, or else created on the
    /// configured server as funds_CODE.</summary>
    DatabasePerCounty = 2,
}
