using Funds.Api.Hosting;

namespace Funds.Api.Security;

public sealed record DevTokenRequest(string? Role, string? County = null, string? Township = null, string? Village = null, string? Province = null, string? Subject = null);
