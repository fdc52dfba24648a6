using Funds.Api.Pipeline;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.Domain.FundSources;
using Funds.Domain.Projects;
using Marten;

namespace Funds.Benchmarks;

/// <summary>The Funds disbursement without HTTP, authentication or Wolverine: the same locked fetch, loads,
/// decider and append (with the store's inline projections and the hash chain) straight through Marten.</summary>
public static class MartenOnlyPeer
{
    private static readonly Actor Finance = new("bench-finance", Roles.Finance);

    public static async Task PayAsync(IDocumentStore store, string county, Guid projectId, Guid sourceId, string voucher)
    {
        await using var session = store.LightweightSession(county);
        var stream = await session.Events.FetchForExclusiveWriting<Project>(projectId);
        var source = await session.LoadAsync<FundSource>(sourceId);
        var voucherInUse = await session.LoadAsync<UniqueKey>(UniqueKey.Voucher(voucher)) is not null;
        var command = new DisburseFunds(sourceId, 1.00m, DisbursementKind.Progress, voucher, new DateOnly(2019, 4, 1));
        var paid = ProjectDecider.Disburse(Guid.CreateVersion7(), command, stream.Aggregate!, source?.ForPayment(projectId), voucherInUse,
            new DecisionContext(Finance, DateTimeOffset.UtcNow, CountyPolicy.Default with { LateEntryDays = 0 }));
        stream.AppendOne(paid);
        session.Insert(UniqueKey.For(UniqueKey.Voucher(paid.VoucherNo), paid.DisbursementId));
        await session.SaveChangesAsync();
    }
}
