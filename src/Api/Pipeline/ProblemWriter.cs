using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Funds.Api.Pipeline;

/// <summary>Writes a problem whatever the request's Accept header says. The framework's own writer only
/// answers clients that accept JSON, so a rejected request with <c>Accept: text/csv</c> (an export) got an
/// empty body; a problem is the answer to every rejection. Registered after the framework's writer, it
/// takes the requests that one declines, and completes them with the same customisation.</summary>
public sealed class ProblemWriter(IOptions<JsonOptions> json, IOptions<ProblemDetailsOptions> problems) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var p = context.ProblemDetails;
        p.Status ??= http.Response.StatusCode;
        p.Title ??= ReasonPhrases.GetReasonPhrase(p.Status.Value);
        problems.Value.CustomizeProblemDetails?.Invoke(context);
        return new ValueTask(http.Response.WriteAsJsonAsync(p, p.GetType(), json.Value.SerializerOptions, "application/problem+json", http.RequestAborted));
    }
}
