using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

/// <summary>Bound from "Funds:Auth".</summary>
public sealed record AuthOptions
{
    public string Issuer { get; init; } = "funds";
    public string Audience { get; init; } = "funds-api";
    /// <summary>HMAC-SHA256 key, at least 32 bytes. Development has one in appsettings.Development.json;
    /// every other environment must configure its own (Funds__Auth__SigningKey).</summary>
    public string? SigningKey { get; init; }
    /// <summary>Lifetime of the tokens this service issues (the Development token route).</summary>
    public int TokenMinutes { get; init; } = 480;
    /// <summary>No token is accepted whose lifetime (expiry less not-before or issued-at) is longer.</summary>
    public int MaxTokenMinutes { get; init; } = 720;
    /// <summary>An external identity provider whose tokens are accepted beside ours.</summary>
    public ExternalIdentityProvider? External { get; init; }

    public SymmetricSecurityKey Key()
    {
        if (string.IsNullOrWhiteSpace(SigningKey) || Encoding.UTF8.GetByteCount(SigningKey) < 32)
            throw new InvalidOperationException(
                "Funds:Auth:SigningKey is not configured (or shorter than 32 bytes). Set it, e.g. with the environment variable Funds__Auth__SigningKey.");
        if (TokenMinutes > MaxTokenMinutes)
            throw new InvalidOperationException($"Funds:Auth:TokenMinutes ({TokenMinutes}) exceeds Funds:Auth:MaxTokenMinutes ({MaxTokenMinutes}).");
        return new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey));
    }
}
