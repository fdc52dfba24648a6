using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Funds.Api.Pipeline;

/// <summary>A stored command answer, replayed with its status, ETag and Location and <c>Idempotent-Replayed: true</c>.</summary>
public sealed record JsonAnswer(string Json, int Status, string? ETag, string? Location, bool Replayed = false) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = Status;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (ETag is not null) http.Response.Headers.ETag = ETag;
        if (Location is not null) http.Response.Headers.Location = Location;
        if (Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
        await http.Response.WriteAsync(Json, Encoding.UTF8);
    }
}
