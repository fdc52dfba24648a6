using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

/// <summary>What a validly signed token must also be: a subject, exactly one role, a bounded lifetime, and
/// our issuer with our shared key or the external provider with one of its asymmetric keys.</summary>
public static class TokenRules
{
    public static Task Check(TokenValidatedContext context, AuthOptions options)
    {
        if (Violation(context.SecurityToken as JsonWebToken, options) is { } reason) context.Fail(reason);
        return Task.CompletedTask;
    }

    private static string? Violation(JsonWebToken? token, AuthOptions options)
    {
        if (token is null) return "Not a JSON web token.";
        if (!token.TryGetPayloadValue<string>(FundsClaims.Subject, out var sub) || string.IsNullOrWhiteSpace(sub)) return "The token has no subject (sub).";
        if (token.Claims.Count(c => c.Type == FundsClaims.Role) != 1) return "The token must carry exactly one role.";
        var from = token.ValidFrom != DateTime.MinValue ? token.ValidFrom : token.IssuedAt;
        if (from == DateTime.MinValue) return "The token has neither nbf nor iat.";
        if (token.ValidTo - from > TimeSpan.FromMinutes(options.MaxTokenMinutes)) return $"The token lives longer than {options.MaxTokenMinutes} minutes.";
        var ours = token.Issuer == options.Issuer;
        if (ours != token.SigningKey is SymmetricSecurityKey) return "The token's issuer and signing key do not belong together.";
        return null;
    }
}
