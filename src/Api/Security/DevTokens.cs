using Funds.Api.Hosting;

namespace Funds.Api.Security;

/// <summary>POST /api/dev/token: a signed token for any role. Mapped only in the Development environment;
/// elsewhere the route does not exist (404) and tokens come from your identity provider.</summary>
public static class DevTokens
{
    public static void MapDevTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return;
        app.MapPost("/api/dev/token", (DevTokenRequest? request, TokenIssuer issuer, AuthOptions options, Counties counties) =>
            {
                if (request is null) throw InvalidCommand.Field("body", "is required: a JSON object such as {\"role\":\"finance\"}.");
                var provincial = request.Role is not null && Roles.IsProvincial(request.Role);
                var county = provincial ? null : request.County ?? counties.Default;
                var province = provincial ? request.Province ?? counties.Find(counties.Default)!.Province : null;
                new FieldErrors()
                    .Text("role", request.Role, 50)
                    .When(request.Role is not null && !Roles.All.Contains(request.Role), "role", $"must be one of: {string.Join(", ", Roles.All)}.")
                    .When(county is not null && counties.Find(county) is null, "county", $"must be one of the counties served here: {string.Join(", ", counties.All.Select(c => $"{c.Code} ({c.Name})"))}.")
                    .When(province is not null && counties.InProvince(province).Count == 0, "province", "no county of that province is served here.")
                    .When(request.Role is Roles.TownshipHq or Roles.VillageCommittee or Roles.VillageCouncil && string.IsNullOrWhiteSpace(request.Township), "township", "is required for this role.")
                    .When(request.Role is Roles.VillageCommittee or Roles.VillageCouncil && string.IsNullOrWhiteSpace(request.Village), "village", "is required for a village role.")
                    .ThrowIfAny();
                var scope = Roles.ReachOf(request.Role!) switch
                {
                    Reach.Township => request.Township!.Trim(),
                    Reach.Village => Roles.VillageScope(request.Township!.Trim(), request.Village!.Trim()),
                    _ => null,
                };
                var subject = string.IsNullOrWhiteSpace(request.Subject) ? $"demo-{request.Role}" : request.Subject.Trim();
                var token = issuer.Issue(subject, request.Role!, county, scope, province);
                return Results.Ok(new DevTokenResponse(token, "Bearer", options.TokenMinutes * 60, request.Role!, county, province, scope));
            })
            .AllowAnonymous()
            .WithName("IssueDevelopmentToken")
            .WithTags("Development")
            .WithSummary("Development only: a signed token for a role. County roles act in `county` (default: the first county served); " +
                         "township-hq needs `township`, village roles `township` and `village`; provincial roles read the counties of `province`.")
            .Produces<DevTokenResponse>();
    }
}
