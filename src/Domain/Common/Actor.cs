namespace Funds.Domain.Common;

/// <summary>Who did something: the authenticated subject, the role they acted in, and its scope
/// (a township, or "township/village", for scoped roles). Always taken from the caller's token.</summary>
public sealed record Actor(string Subject, string Role, string? Scope = null)
{
    public static readonly Actor System = new("system", "system");
}
