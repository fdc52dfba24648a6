using System.Data;
using Funds.Api.Hosting;
using Funds.Projections.Money;
using JasperFx.Events;
using Marten.Events;

namespace Funds.Api.Admin;

public sealed record ReconciliationResult(string County, bool Consistent, long EventsRead, int FundSources, int Projects, int Payees,
    decimal Received, decimal Allocated, decimal Disbursed, IReadOnlyList<Difference> Differences);
