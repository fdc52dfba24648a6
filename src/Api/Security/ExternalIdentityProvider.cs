using Microsoft.IdentityModel.Tokens;

namespace Funds.Api.Security;

/// <summary>An OpenID Connect provider ("Funds:Auth:External"): its tokens are signed with asymmetric keys
/// (RS256, PS256, ES256), found by discovery at <see cref="Authority"/> or given as a JSON Web Key Set in
/// <see cref="Jwks"/> for a provider the service cannot reach. Its tokens must carry the same claims as ours:
/// <c>sub</c>, one <c>role</c>, <c>county</c> (or <c>province</c>) and, for scoped roles, <c>funds_scope</c>.</summary>
public sealed record ExternalIdentityProvider
{
    public string? Authority { get; init; }
    public string? Issuer { get; init; }
    public string? Audience { get; init; }
    public string? Jwks { get; init; }

    public IEnumerable<SecurityKey> StaticKeys() => string.IsNullOrWhiteSpace(Jwks) ? [] : new JsonWebKeySet(Jwks).GetSigningKeys();
}
