using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Funds.Api.Hosting;

/// <summary>/health as JSON. Anyone gets up or down; an admin's token also gets each check with its
/// description and data (database, projection lag, this node's agents).</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        if (http.User.FindFirst(FundsClaims.Role)?.Value != Roles.Admin)
            return http.Response.WriteAsJsonAsync(new { status = report.Status.ToString() });
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
    }
}
