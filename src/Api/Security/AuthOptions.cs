using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

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
