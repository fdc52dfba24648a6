using Funds.Api.Hosting;

namespace Funds.Api.Security;

public sealed record DevTokenResponse(string AccessToken, string TokenType, int ExpiresIn, string Role, string? County, string? Province, string? Scope);
