namespace Funds.Domain.Projects;

public enum DeadlineKind
{
    /// <summary>Construction must have started (开工) by the due date.</summary>
    Start = 1,
    /// <summary>Construction must be completed (完工) by the due date.</summary>
    Completion = 2,
}
