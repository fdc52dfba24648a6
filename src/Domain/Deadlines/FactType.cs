namespace Funds.Domain.Deadlines;

public enum FactType { Started = 1, Completed = 2, Refused = 3, Cancelled = 4 }
