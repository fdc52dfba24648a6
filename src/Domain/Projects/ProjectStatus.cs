namespace Funds.Domain.Projects;

public enum ProjectStatus
{
    Registered = 1,
    Approved = 2,
    BuilderChosen = 3,
    UnderConstruction = 4,
    Completed = 5,
    /// <summary>Acceptance refused by the village committee: under rectification.</summary>
    Rectifying = 6,
    Accepted = 7,
    Settled = 8,
    Cancelled = 9,
}
