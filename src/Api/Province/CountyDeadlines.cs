using Funds.Api.Deadlines;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;

namespace Funds.Api.Province;

public sealed record CountyDeadlines(string County, string Name, TownshipDeadlines Counts);
