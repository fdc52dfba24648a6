namespace Funds.Domain.Common;

/// <summary>A record (or a command creating one) that belongs to a township or village, so whether a caller
/// may act on it depends on the caller's scope. Null when the place is not given (the command is then
/// rejected by its own field checks).</summary>
public interface IPlaced
{
    Place? Place { get; }
}
