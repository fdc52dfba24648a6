using System.Security.Cryptography;
using System.Text;

namespace Funds.Api.Households;

/// <summary>Keeps personal identity numbers out of storage: an HMAC-SHA256 of the county and the number with a key
/// from configuration (<c>Funds:Households:IdentityKey</c>, ≥ 32 bytes; a public development key in Development only),
/// so the same person is found twice in a county without the number being kept, and a stolen database cannot be
/// searched by trying all numbers without the key; plus a masked form (area code and last four) for people to read.</summary>
public sealed class IdentityProtector(IConfiguration configuration)
{
    private readonly byte[]? _key = configuration["Funds:Households:IdentityKey"] is { } k && Encoding.UTF8.GetByteCount(k) >= 32 ? Encoding.UTF8.GetBytes(k) : null;

    /// <summary>The protected form of a valid number (null when the number is not valid: the decider reports that).</summary>
    public ProtectedIdentity? Protect(string county, string? number)
    {
        var n = number?.Trim().ToUpperInvariant();
        if (!IdentityNumbers.IsValid(n)) return null;
        if (_key is null)
            throw RuleViolation.Unprocessable("identity-key-not-configured",
                "Identity numbers cannot be protected: Funds:Households:IdentityKey (at least 32 bytes) is not configured here, so no household can be registered.");
        var hash = Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes($"{county}:{n}"))).ToLowerInvariant();
        return new ProtectedIdentity(hash, IdentityNumbers.Mask(n!));
    }

    /// <summary>The fingerprint an Idempotency-Key record keeps of a request body: keyed like identity numbers, since a
    /// household registration's body holds one in clear and a plain hash of it could be searched by trying numbers.</summary>
    public string Fingerprint(byte[] body)
        => Convert.ToHexString(_key is null ? SHA256.HashData(body) : HMACSHA256.HashData(_key, body));
}
