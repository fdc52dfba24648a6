namespace Funds.Api.FundSources;

/// <summary>What an allocation command is decided on besides the source: the project it concerns (null if
/// there is none) and what the source's projects were paid from it.</summary>
public sealed record AllocationCheck(Project? Project, PaidFromSource Paid);
