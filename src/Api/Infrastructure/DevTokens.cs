using Funds.Domain.Common;

namespace Funds.Api.Infrastructure;

public sealed record DevTokenRequest(string? Role, string? Subject = null, string? Township = null, string? Village = null);

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role, string? Scope);

/// <summary>POST /api/dev/token: a signed token for any demo role. Mapped only in the Development
/// environment; elsewhere the route does not exist (404) and tokens come from your identity provider.</summary>
public static class DevTokens
{
    public static void MapDevTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        app.MapPost("/api/dev/token", (DevTokenRequest request, TokenIssuer issuer, AuthOptions options) =>
            {
                new FieldErrors()
                    .Text("role", request.Role, 50)
                    .When(request.Role is not null && !Roles.All.Contains(request.Role), "role", $"must be one of: {string.Join(", ", Roles.All)}.")
                    .When(request.Role is Roles.TownshipHq or Roles.VillageCommittee && string.IsNullOrWhiteSpace(request.Township), "township", "is required for this role.")
                    .When(request.Role is Roles.VillageCommittee && string.IsNullOrWhiteSpace(request.Village), "village", "is required for a village committee.")
                    .ThrowIfAny();
                var scope = request.Role switch
                {
                    Roles.TownshipHq => request.Township!.Trim(),
                    Roles.VillageCommittee => Roles.VillageScope(request.Township!.Trim(), request.Village!.Trim()),
                    _ => null,
                };
                var subject = string.IsNullOrWhiteSpace(request.Subject) ? $"demo-{request.Role}" : request.Subject.Trim();
                var token = issuer.Issue(subject, request.Role!, scope);
                return Results.Ok(new DevTokenResponse(token, "Bearer", options.TokenMinutes * 60, request.Role!, scope));
            })
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .WithTags("Development")
            .WithSummary("Development only: a signed token for a demo role (finance, township-hq with township, village-committee with township and village, supervisor, auditor, admin).")
            .Produces<DevTokenResponse>();
    }
}
