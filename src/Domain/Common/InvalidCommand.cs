namespace Funds.Domain.Common;

/// <summary>One or more fields of a command are missing or malformed.</summary>
public sealed class InvalidCommand(IReadOnlyDictionary<string, string[]> errors)
    : RuleViolation("invalid-request", "One or more fields are invalid.", RejectionKind.Invalid)
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static InvalidCommand Field(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
