using System.Reflection;
using System.Text.Json;
using JasperFx.Events;

namespace Funds.Api.Audit;

public sealed record HistoryPage(IReadOnlyList<HistoryEntry> Items, int Page, int PageSize, long Total);
