using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Funds.Api.Pipeline;

/// <summary>The first answer to a command sent with an <c>Idempotency-Key</c>, saved in the same
/// transaction as the events it appended, so a retry gets that answer and appends nothing.</summary>
public sealed record IdempotentResponse
{
    public string Id { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public int StatusCode { get; init; }
    public string Body { get; init; } = "";
    public string? ETag { get; init; }
    public string? Location { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
