using System.Security.Cryptography;
using Alba;
using Funds.Api.Security;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Funds.IntegrationTests;

public class TokenTests(FundsApp app) : IntegrationTest(app)
{
    private string Sign(Dictionary<string, object> claims, SigningCredentials credentials, string issuer = "funds", string audience = "funds-api", TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Claims = claims, IssuedAt = now, NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromMinutes(30)), SigningCredentials = credentials,
        });
    }

    private SigningCredentials Ours(string algorithm = SecurityAlgorithms.HmacSha256)
        => new(Host.Services.GetRequiredService<AuthOptions>().Key(), algorithm);

    private static Dictionary<string, object> Claims(object? role = null, string? sub = "auditor-1")
    {
        var claims = new Dictionary<string, object> { ["role"] = role ?? Roles.Auditor, ["county"] = FundsApp.County };
        if (sub is not null) claims["sub"] = sub;
        return claims;
    }

    [Fact]
    public async Task a_token_must_name_its_subject_carry_one_role_live_briefly_and_use_a_pinned_algorithm()
    {
        await Get("/api/projects", 200, Sign(Claims(), Ours()));
        await Get("/api/projects", 401, Sign(Claims(sub: null), Ours()));
        await Get("/api/projects", 401, Sign(Claims(role: new[] { Roles.Auditor, Roles.Finance }), Ours()));
        await Get("/api/projects", 401, Sign(Claims(), Ours(), lifetime: TimeSpan.FromDays(30)));
        await Get("/api/projects", 401, Sign(Claims(), Ours(SecurityAlgorithms.HmacSha384)));
    }

    [Fact]
    public async Task tokens_of_an_external_identity_provider_are_accepted_with_its_keys_only()
    {
        using var rsa = RSA.Create(2048);
        var p = rsa.ExportParameters(false);
        var jwks = $$"""{"keys":[{"kty":"RSA","kid":"idp-1","use":"sig","alg":"RS256","n":"{{Base64UrlEncoder.Encode(p.Modulus)}}","e":"{{Base64UrlEncoder.Encode(p.Exponent)}}"}]}""";
        await using var host = await AlbaHost.For<Program>(b =>
        {
            b.UseSetting("ConnectionStrings:Funds", App.ConnectionString);
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
            b.UseSetting("Funds:Auth:External:Issuer", "https://idp.county.example");
            b.UseSetting("Funds:Auth:External:Audience", "funds");
            b.UseSetting("Funds:Auth:External:Jwks", jwks);
        });
        var idpKey = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = "idp-1" }, SecurityAlgorithms.RsaSha256);
        using var other = RSA.Create(2048);
        async Task Expect(int status, string token) => await host.Scenario(s =>
        {
            s.Get.Url("/api/projects");
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.StatusCodeShouldBe(status);
        });
        await Expect(200, Sign(Claims(), idpKey, "https://idp.county.example", "funds"));
        await Expect(401, Sign(Claims(), new SigningCredentials(new RsaSecurityKey(other) { KeyId = "idp-1" }, SecurityAlgorithms.RsaSha256), "https://idp.county.example", "funds"));
        // The provider's issuer with our shared key: a key that is not the provider's.
        await Expect(401, Sign(Claims(), Ours(), "https://idp.county.example", "funds"));
        await Expect(200, Sign(Claims(), Ours()));
    }
}
