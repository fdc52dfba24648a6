namespace Funds.Domain.Findings;

public enum FindingStatus { Open = 1, RectificationReported = 2, Closed = 3 }
