using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Pipeline;

public static class RequestLimits
{
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Commands are small: refuse large bodies before reading them (Kestrel enforces the same limit on streamed bodies).</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.ContentLength > MaxBodyBytes)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = ProblemMapping.Rule(413, "body-too-large", $"Request bodies are limited to {MaxBodyBytes / 1024} KiB."),
            });
            return;
        }
        await next(http);
    });
}
