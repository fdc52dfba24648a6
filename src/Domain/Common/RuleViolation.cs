namespace Funds.Domain.Common;

/// <summary>A command rejected by a rule. <see cref="Rule"/> is a stable, documented code
/// (e.g. "settlement-requires-sign-off") that clients can branch on.</summary>
public class RuleViolation(string rule, string message, RejectionKind kind = RejectionKind.Unprocessable)
    : Exception(message)
{
    public string Rule { get; } = rule;
    public RejectionKind Kind { get; } = kind;

    public static RuleViolation Conflict(string rule, string message) => new(rule, message, RejectionKind.Conflict);
    public static RuleViolation Unprocessable(string rule, string message) => new(rule, message);
    public static RuleViolation Forbidden(string rule, string message) => new(rule, message, RejectionKind.Forbidden);
    public static RuleViolation NotFound(string message) => new("not-found", message, RejectionKind.NotFound);
}
