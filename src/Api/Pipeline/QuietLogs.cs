using Microsoft.AspNetCore.Builder;

namespace Funds.Api.Pipeline;

/// <summary>Expected rejections are answers, not failures: nothing below 500 is logged as an error with a stack
/// trace. <see cref="ProblemMapping"/> logs a concurrency conflict (409) as one line at information and a 5xx at
/// error with its exception.</summary>
public static class QuietLogs
{
    public static void Apply(WebApplicationBuilder builder)
    {
        // The exception handler middleware would log every handled exception at error, 4xx included.
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.SuppressDiagnosticsCallback = c => c.HttpContext.Response.StatusCode < 500);
        // Wolverine logs a request body it cannot deserialize at error, under the request type's name, before
        // answering 400: for command and other request types that is bad input, answered as a problem.
        foreach (var type in Permissions.Commands.Keys.Append(typeof(Audit.DigestCheck)).Append(typeof(Security.DevTokenRequest)))
            builder.Logging.AddFilter(type.FullName, LogLevel.Critical);
    }
}
