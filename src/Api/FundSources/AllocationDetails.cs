using System.Text.Json.Serialization;

namespace Funds.Api.FundSources;

/// <summary>A source's allocation to one project: allocated (net of reductions), paid from it, and what is left.</summary>
public sealed record AllocationDetails(Guid ProjectId, string ProjectName, decimal Allocated, decimal Disbursed, decimal Available, DateOnly FirstAllocatedOn);
