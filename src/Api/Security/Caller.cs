using System.Security.Claims;
using Funds.Api.Hosting;

namespace Funds.Api.Security;

/// <summary>Who is calling, and for which county, as the token says: never the body.</summary>
public static class Caller
{
    private const string CountyItem = "funds.county";

    public static Actor Actor(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return new Actor("anonymous", "anonymous");
        return new Actor(user.FindFirstValue(FundsClaims.Subject) ?? "unknown", user.FindFirstValue(FundsClaims.Role) ?? "none",
            user.FindFirstValue(FundsClaims.Scope));
    }

    /// <summary>The county a request acts on: a county role's own (from its token); for a provincial role,
    /// the county it names with <c>?county=</c>, which must be of its province. Null for anonymous callers.</summary>
    public static string? County(this HttpContext http)
    {
        if (http.Items.TryGetValue(CountyItem, out var known)) return (string?)known;
        var county = Resolve(http);
        http.Items[CountyItem] = county;
        return county;
    }

    private static string? Resolve(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        var counties = http.RequestServices.GetRequiredService<Counties>();
        var role = user.FindFirstValue(FundsClaims.Role) ?? "";
        var asked = http.Request.Query["county"].ToString();
        if (Roles.IsProvincial(role))
        {
            var province = user.FindFirstValue(FundsClaims.Province) ?? "";
            if (asked.Length == 0)
                throw InvalidCommand.Field("county", "is required for a provincial role: name the county (its six-digit code) to read.");
            if (counties.Find(asked) is not { } county)
                throw RuleViolation.NotFound($"No county {asked} is served here.");
            if (county.Province != province)
                throw RuleViolation.Forbidden("outside-province", $"County {asked} is not in province {province}.");
            return county.Code;
        }
        var own = user.FindFirstValue(FundsClaims.County) ?? "";
        if (counties.Find(own) is null)
            throw RuleViolation.Forbidden("unknown-county", $"The token names county '{own}', which is not served here.");
        if (asked.Length > 0 && asked != own)
            throw RuleViolation.Forbidden("outside-county", $"A county role reads only its own county ({own}).");
        return own;
    }
}
