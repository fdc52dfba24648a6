using Funds.Api.Http;
using Funds.Api.Projects;
using Funds.Domain.Deadlines;
using Microsoft.AspNetCore.Mvc;

namespace Funds.Api.Deadlines;

public sealed record DeadlineBoardPage(DateOnly AsOf, DateTimeOffset? KnownAt, IReadOnlyList<DeadlineState> Items, int Page, int PageSize, int Total);
