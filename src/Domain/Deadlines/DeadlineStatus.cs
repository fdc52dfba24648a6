namespace Funds.Domain.Deadlines;

public enum DeadlineStatus
{
    /// <summary>Not yet due, outside the risk window, and the work it concerns has not begun.</summary>
    NotDue = 1,
    /// <summary>Not yet due, outside the risk window, and the work has begun.</summary>
    OnTrack = 2,
    /// <summary>Not met and due within the risk window (default 30 days).</summary>
    AtRisk = 3,
    /// <summary>Due date passed and not met.</summary>
    Missed = 4,
    MetOnTime = 5,
    /// <summary>Met after the due date (see DaysLate).</summary>
    MetLate = 6,
}
