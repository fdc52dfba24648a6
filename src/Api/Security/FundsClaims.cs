namespace Funds.Api.Security;

/// <summary>The claims Funds reads from a bearer token.</summary>
public static class FundsClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    /// <summary>The county (GB/T 2260 code) a county role acts in.</summary>
    public const string County = "county";
    /// <summary>The province (first two digits of the code) a provincial role reads.</summary>
    public const string Province = "province";
    /// <summary>The township (township-hq) or "township/village" (village roles) a scoped role acts for.</summary>
    public const string Scope = "funds_scope";
}
