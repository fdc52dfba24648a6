using Funds.Api.Deadlines;
using Funds.Api.Hosting;
using Funds.Domain.Deadlines;

namespace Funds.Api.Province;

public sealed record ProvinceDeadlines(string Province, DateOnly AsOf, DateTimeOffset? KnownAt, IReadOnlyList<CountyDeadlines> Counties);
