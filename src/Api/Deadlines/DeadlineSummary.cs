using Funds.Api.Http;
using Funds.Api.Projects;
using Funds.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Deadlines;

public sealed record DeadlineSummary(DateOnly AsOf, DateTimeOffset? KnownAt, IReadOnlyList<TownshipDeadlines> ByTownship, TownshipDeadlines Totals, IReadOnlyList<DeadlineState> MostOverdue);
