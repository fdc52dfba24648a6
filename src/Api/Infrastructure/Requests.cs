using System.Security.Claims;
using Funds.Domain.Common;
using Microsoft.Extensions.Options;

namespace Funds.Api.Infrastructure;

public static class Requests
{
    /// <summary>The caller as recorded on events: always from the authenticated principal, never the body.</summary>
    public static Actor Actor(this HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return new Actor("anonymous", "anonymous");
        return new Actor(
            user.FindFirstValue(ClaimTypes.NameIdentifier) ?? user.FindFirstValue("sub") ?? user.Identity.Name ?? "unknown",
            user.FindFirstValue(ClaimTypes.Role) ?? user.FindFirstValue("role") ?? "none",
            user.FindFirstValue(FundsClaims.Scope));
    }

    public static DecisionContext Decision(this HttpContext http) => new(
        http.Actor(),
        http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow(),
        http.RequestServices.GetRequiredService<IOptions<ProjectRules>>().Value);
}

public static class FundsClaims
{
    /// <summary>The township or village a scoped role acts for.</summary>
    public const string Scope = "funds_scope";
}
