namespace Funds.Projections.Money;

public enum FundingEntryType { Receipt = 1, Allocation = 2, AllocationReduction = 3, Disbursement = 4, InterestSubsidy = 5 }
