using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

public static class Authentication
{
    /// <summary>JWT bearer authentication; every endpoint needs an authenticated caller unless it says otherwise,
    /// and which roles each one admits is derived from the permissions table (<see cref="AccessPolicy"/>).</summary>
    public static WebApplicationBuilder AddFundsSecurity(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Funds:Auth").Get<AuthOptions>() ?? new AuthOptions();
        var key = options.Key();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<TokenIssuer>();

        var external = options.External;
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = external?.Issuer is { } i ? [options.Issuer, i] : [options.Issuer],
                ValidAudiences = external?.Audience is { } a ? [options.Audience, a] : [options.Audience],
                IssuerSigningKeys = [key, .. external?.StaticKeys() ?? []],
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                NameClaimType = FundsClaims.Subject,
                RoleClaimType = FundsClaims.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (external?.Authority is { } authority)
            {
                o.Authority = authority;
                o.RequireHttpsMetadata = !authority.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase);
            }
            o.Events = new JwtBearerEvents { OnTokenValidated = c => TokenRules.Check(c, options) };
        });
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
