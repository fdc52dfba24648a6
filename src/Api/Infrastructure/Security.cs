using System.Security.Claims;
using System.Text;
using Funds.Domain.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Infrastructure;

/// <summary>Authorization policies, one per writing role. Put <c>[Authorize(Policy = Policies.X)]</c> on
/// every write endpoint; everything else falls back to "any authenticated caller".</summary>
public static class Policies
{
    public const string Finance = Roles.Finance;
    public const string TownshipHq = Roles.TownshipHq;
    public const string VillageCommittee = Roles.VillageCommittee;
    public const string Supervisor = Roles.Supervisor;
    public const string Auditor = Roles.Auditor;
    public const string Admin = Roles.Admin;
    /// <summary>History, integrity and the audit log: auditors, and admins who operate the store.</summary>
    public const string Audit = "audit";
}

public sealed record AuthOptions
{
    public string Issuer { get; init; } = "funds";
    public string Audience { get; init; } = "funds-api";
    /// <summary>HMAC-SHA256 key, at least 32 bytes. Development has one in appsettings.Development.json;
    /// every other environment must configure its own (Funds__Auth__SigningKey).</summary>
    public string? SigningKey { get; init; }
    public int TokenMinutes { get; init; } = 480;

    public SymmetricSecurityKey Key()
    {
        if (string.IsNullOrWhiteSpace(SigningKey) || Encoding.UTF8.GetByteCount(SigningKey) < 32)
            throw new InvalidOperationException(
                "Funds:Auth:SigningKey is not configured (or shorter than 32 bytes). Set it, e.g. with the environment variable Funds__Auth__SigningKey.");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}

public static class Security
{
    public const string RoleClaim = "role";
    public const string SubjectClaim = "sub";

    public static WebApplicationBuilder AddFundsSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Funds:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var key = options.Key();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenIssuer>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                NameClaimType = SubjectClaim,
                RoleClaimType = RoleClaim,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });

        builder.Services.AddAuthorization(o =>
        {
            foreach (var role in Roles.All)
                o.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireRole(role));
            o.AddPolicy(Policies.Audit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Auditor, Roles.Admin));
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return builder;
    }

    /// <summary>The caller as recorded on events: always from the token, never from the body.</summary>
    public static Actor Actor(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return new Actor("anonymous", "anonymous");
        return new Actor(
            user.FindFirstValue(SubjectClaim) ?? "unknown",
            user.FindFirstValue(RoleClaim) ?? "none",
            user.FindFirstValue(FundsClaims.Scope));
    }
}

public static class FundsClaims
{
    /// <summary>The township (township-hq) or "township/village" (village-committee) a scoped role acts for.</summary>
    public const string Scope = "funds_scope";
}

/// <summary>Issues tokens signed with the configured key: used by the Development token endpoint and by tests.
/// Token lifetimes run on wall-clock time, not the business clock (which tests move).</summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public string Issue(string subject, string role, string? scope = null, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [Security.SubjectClaim] = subject, [Security.RoleClaim] = role };
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
