using System.Security.Claims;
using Funds.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Funds.Benchmarks;

/// <summary>The disbursement as a team without event sourcing would write it: a minimal API, Npgsql and plain
/// tables, one transaction. Same JWT validation (Funds' own), same role and county checks, same rules (the
/// allocation from this source to this project not overspent, the contract not exceeded, progress payments
/// capped before sign-off), same uniqueness (voucher number per county). Runs as its own process.</summary>
public static class HandWrittenPeer
{
    public const string Schema = """
        create table if not exists peer_projects (
            county text not null, id uuid not null, contract_amount numeric(18,2) not null, signed_off boolean not null,
            paid numeric(18,2) not null default 0, primary key (county, id));
        create table if not exists peer_allocations (
            county text not null, project_id uuid not null, source_id uuid not null, allocated numeric(18,2) not null,
            paid numeric(18,2) not null default 0, primary key (county, project_id, source_id));
        create table if not exists peer_payments (
            county text not null, voucher_no text not null, id uuid not null, project_id uuid not null, source_id uuid not null,
            amount numeric(18,2) not null, kind text not null, payee_name text not null, paid_on date not null,
            paid_by text not null, recorded_at timestamptz not null, primary key (county, voucher_no));
        """;

    public sealed record Pay(Guid? FundSourceId, decimal? Amount, string? Kind, string? VoucherNo, DateOnly? PaidOn);

    public static async Task RunAsync(string connectionString, string url, string signingKey)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Funds:Auth:SigningKey"] = signingKey;
        builder.Configuration["urls"] = url;
        builder.AddFundsSecurity();
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/health", () => "ok").AllowAnonymous();
        app.MapPost("/peer/projects/{id:guid}/disbursements", DisburseAsync).RequireAuthorization(p => p.RequireRole("finance"));
        await app.RunAsync();
    }

    private static async Task<IResult> DisburseAsync(Guid id, Pay? c, ClaimsPrincipal user, NpgsqlDataSource db)
    {
        if (c is null) return Problem(400, "body-required", "A JSON object is required.");
        if (c.FundSourceId is not { } source || c.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount
            || c.Kind is not ("Progress" or "Final") || string.IsNullOrWhiteSpace(c.VoucherNo) || c.VoucherNo.Length > 64 || c.PaidOn is not { } paidOn)
            return Problem(400, "invalid-command", "fundSourceId, amount (> 0, 2 decimals), kind, voucherNo and paidOn are required.");
        var county = user.FindFirstValue("county") ?? "422822";

        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        decimal contract, projectPaid; bool signedOff;
        await using (var cmd = new NpgsqlCommand("select contract_amount, signed_off, paid from peer_projects where county = $1 and id = $2 for update", conn, tx))
        {
            cmd.Parameters.Add(new() { Value = county }); cmd.Parameters.Add(new() { Value = id });
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return Problem(404, "not-found", "No such project.");
            (contract, signedOff, projectPaid) = (r.GetDecimal(0), r.GetBoolean(1), r.GetDecimal(2));
        }
        decimal allocated, allocationPaid;
        await using (var cmd = new NpgsqlCommand("select allocated, paid from peer_allocations where county = $1 and project_id = $2 and source_id = $3", conn, tx))
        {
            cmd.Parameters.Add(new() { Value = county }); cmd.Parameters.Add(new() { Value = id }); cmd.Parameters.Add(new() { Value = source });
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return Problem(422, "no-allocation", "The source allocated nothing to this project.");
            (allocated, allocationPaid) = (r.GetDecimal(0), r.GetDecimal(1));
        }
        if (amount > allocated - allocationPaid) return Problem(422, "allocation-exceeded", "The payment exceeds what is left of the allocation.");
        if (projectPaid + amount > contract) return Problem(422, "contract-exceeded", "The payment exceeds the contract amount.");
        if (!signedOff && (c.Kind == "Final" || projectPaid + amount > contract * 0.70m))
            return Problem(422, "progress-cap", "Before the sign-off progress payments are capped at 70 % of the contract.");

        var paymentId = Guid.CreateVersion7();
        await using (var batch = new NpgsqlBatch(conn, tx))
        {
            batch.BatchCommands.Add(Command("insert into peer_payments values ($1, $2, $3, $4, $5, $6, $7, '恩施州路桥建设有限公司', $8, $9, now())",
                county, c.VoucherNo.Trim(), paymentId, id, source, amount, c.Kind, paidOn, user.Identity?.Name ?? ""));
            batch.BatchCommands.Add(Command("update peer_allocations set paid = paid + $4 where county = $1 and project_id = $2 and source_id = $3", county, id, source, amount));
            batch.BatchCommands.Add(Command("update peer_projects set paid = paid + $3 where county = $1 and id = $2", county, id, amount));
            try { await batch.ExecuteNonQueryAsync(); }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return Problem(409, "voucher-in-use", "The voucher number is already used in this county.");
            }
        }
        await tx.CommitAsync();
        return Results.Created($"/peer/payments/{paymentId}", new { id = paymentId, projectId = id, amount, voucherNo = c.VoucherNo });
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var v in values) command.Parameters.Add(new NpgsqlParameter { Value = v });
        return command;
    }

    private static IResult Problem(int status, string rule, string detail)
        => Results.Problem(statusCode: status, title: rule, detail: detail, extensions: new Dictionary<string, object?> { ["rule"] = rule });
}
