namespace Funds.Domain.Findings;

/// <summary>Open; rectification reported; closed (销号); verified on site (Verified: ready to close).</summary>
public enum FindingStatus { Open = 1, RectificationReported = 2, Closed = 3, Verified = 4 }
