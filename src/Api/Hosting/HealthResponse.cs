using Marten.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Funds.Api.Hosting;

/// <summary>/health as JSON: overall status and each check's status and description.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
        => http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        });
}
