using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

/// <summary>Issues tokens signed with the configured key: used by the Development token endpoint and by tests.
/// Token lifetimes run on wall-clock time, not the business clock (which tests move).</summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public string Issue(string subject, string role, string? county, string? scope = null, string? province = null, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [FundsClaims.Subject] = subject, [FundsClaims.Role] = role };
        if (county is not null) claims[FundsClaims.County] = county;
        if (province is not null) claims[FundsClaims.Province] = province;
        if (scope is not null) claims[FundsClaims.Scope] = scope;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(options.TokenMinutes)),
            SigningCredentials = new SigningCredentials(options.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}
