using Funds.Api.Http;
using Funds.Projections.Money;

namespace Funds.Api.Money;

/// <summary>A page of a money trail (filtered by business date and fund source) with the totals of the whole trail.</summary>
public sealed record TrailPage(string Title, decimal Received, decimal Allocated, decimal Disbursed, IReadOnlyList<TrailLine> Items, int Page, int PageSize, int Total);
