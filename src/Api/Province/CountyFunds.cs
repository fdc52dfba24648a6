using Funds.Api.Deadlines;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;

namespace Funds.Api.Province;

public sealed record CountyFunds(string County, string Name, int FundSources, decimal Received, decimal Allocated, decimal Unallocated,
    int Projects, decimal Disbursed, decimal AllocatedNotDisbursed);
