namespace Funds.Domain.Common;

/// <summary>How a rejection should be read: the request was malformed (field errors), the record is in
/// the wrong state for it (conflict), its values break a business rule, it names nothing, or the caller
/// may not do it there.</summary>
public enum RejectionKind
{
    Invalid,
    Conflict,
    Unprocessable,
    NotFound,
    Forbidden,
}
