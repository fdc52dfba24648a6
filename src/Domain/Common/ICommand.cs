namespace Funds.Domain.Common;

/// <summary>A request to change something: every command is listed, with who may send it, in the permissions table.</summary>
public interface ICommand
{
    /// <summary>Why a step is recorded long after it happened (late entry, 补录): required when a business date lies
    /// further back than the county allows (<see cref="CountyPolicy.LateEntryDays"/>), and kept with the events.</summary>
    string? LateEntryReason { get; }
}

/// <summary>What every command body may carry besides its own fields.</summary>
public abstract record Command : ICommand
{
    /// <inheritdoc />
    public string? LateEntryReason { get; init; }
}
