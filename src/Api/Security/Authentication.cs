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

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                IssuerSigningKey = key,
                NameClaimType = FundsClaims.Subject,
                RoleClaimType = FundsClaims.Role,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
        });
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}
