using Funds.Api.Deadlines;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;

namespace Funds.Api.Province;

public sealed record ProvinceFunds(string Province, IReadOnlyList<CountyFunds> Counties, CountyFunds Totals);
