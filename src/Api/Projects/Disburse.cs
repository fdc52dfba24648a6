using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Funds;
using Funds.Domain.Projects;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class DisburseEndpoint
{
    /// <summary>Pay a tranche (拨付) for the project from one fund source to a payee (the builder of
    /// record unless another payee and a reason are given), under a voucher number unique in the
    /// county. Per source the payment must fit the allocation to this project; per project the total
    /// must fit the contract (or settled) amount; before the village committee's sign-off progress
    /// payments are capped at a share of the contract (default 70%), and the final payment waits for
    /// the sign-off.
    /// <para>How overspending is made impossible: the payment (FundsDisbursed, project stream) and the
    /// draw on the allocation (AllocationDrawn, fund-source stream) are appended in one transaction,
    /// and Marten's optimistic check fails the commit if either stream moved since it was read. So two
    /// concurrent payments against the same allocation or project can never both be decided on the
    /// same balance: the second is decided again on the new balance (or gets 412 under If-Match).</para></summary>
    [Authorize(Policy = Policies.Finance)]
    [WolverinePost("/api/projects/{id}/disbursements", OperationId = "DisburseFunds")]
    [ProducesResponseType<Project>(StatusCodes.Status200OK)]
    public static Task<IResult> Post(Guid id, DisburseFunds body, HttpContext http, IDocumentStore store)
        => StreamCommands.RunAsync(http, store, new { id, body }, async (session, expected) =>
        {
            var ct = http.RequestAborted;
            var project = await StreamCommands.FetchAsync<Project>(session, id, expected, ProjectFold.NotFound(id), ct);
            var source = body.FundSourceId is { } sourceId ? await session.Events.FetchForWriting<FundSource>(sourceId, ct) : null;
            var disbursementId = Guid.CreateVersion7();
            var voucher = UniqueKey.For("voucher", body.VoucherNo?.Trim() ?? "", disbursementId);
            // Only a well-formed voucher is looked up; a malformed one is rejected with its field error by the decider.
            if (FieldErrors.IsText(body.VoucherNo, FundDecider.VoucherMaxLength) && await session.LoadAsync<UniqueKey>(voucher.Id, ct) is not null)
                throw UniqueKey.AlreadyUsed(voucher.Id);

            var (paid, drawn) = FundDecider.Disburse(disbursementId, body, project.Aggregate!, source?.Aggregate, http.Decision());
            session.Insert(voucher);

            project.AppendOne(paid);
            source!.AppendOne(drawn);
            var after = ProjectFold.After(project.Aggregate!, [paid]);
            return new CommandOutcome(after, after.Version);
        });
}
