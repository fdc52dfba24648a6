using Funds.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Funds.Api.Reports;

public static class FundsReportEndpoint
{
    private static readonly Dictionary<string, string> Keys = new()
    {
        ["township"] = "data->>'township'",
        ["village"] = "(data->>'township') || '/' || (data->>'village')",
        ["category"] = "data->>'category'",
        ["source"] = "(data->>'sourceName') || ' (' || (data->>'fundSourceId') || ')'",
        ["sourceKind"] = "data->>'sourceKind'",
        ["year"] = "substr(data->>'businessDate', 1, 4)",
        ["planYear"] = "data->>'planYear'",
    };

    /// <summary>Roll-up of allocations (net of reductions) and disbursements, grouped by township,
    /// village, category, source, sourceKind, year (of the business date) or planYear. Filters:
    /// business-date range, township, fund source, year. Paged; <c>Accept: text/csv</c> for CSV.</summary>
    [WolverineGet("/api/reports/funds", OperationId = "GetFundsReport"), Expensive]
    [Allow(Reads.Reports)]
    [ProducesResponseType<FundsReport>(StatusCodes.Status200OK)]
    [Produces("application/json", "text/csv")]
    public static async Task<IResult> Get(HttpContext http, IQuerySession session, string groupBy = "township",
        DateOnly? from = null, DateOnly? to = null, string? township = null, Guid? source = null, int? year = null,
        int page = 1, int pageSize = 100)
    {
        new FieldErrors()
            .When(!Keys.ContainsKey(groupBy), "groupBy", $"must be one of: {string.Join(", ", Keys.Keys)}.")
            .When(from > to, "from", "must not be after 'to'.")
            .Paging(page, pageSize, 1000)
            .ThrowIfAny();

        var where = new List<string> { "data->>'type' <> 'Receipt'", "tenant_id = @tenant" };
        var parameters = new List<NpgsqlParameter> { new("tenant", session.TenantId) };
        void Filter(string sql, object value)
        {
            var name = "p" + parameters.Count;
            parameters.Add(new NpgsqlParameter { ParameterName = name, Value = value });
            where.Add(sql.Replace("@", "@" + name));
        }
        if (from is { } f) Filter("data->>'businessDate' >= @", f.ToString("yyyy-MM-dd"));
        if (to is { } t) Filter("data->>'businessDate' <= @", t.ToString("yyyy-MM-dd"));
        if (!string.IsNullOrWhiteSpace(township)) Filter("data->>'township' = @", township);
        if (source is { } s) Filter("data->>'fundSourceId' = @", s.ToString());
        if (year is { } y) Filter("substr(data->>'businessDate', 1, 4) = @", y.ToString("0000"));

        var table = $"{session.DocumentStore.Options.Schema.For<Projections.Money.FundMovement>()}";
        var sql = $"""
            select {Keys[groupBy]} as key, coalesce(sum((data->>'allocated')::numeric), 0), coalesce(sum((data->>'disbursed')::numeric), 0), count(*)
            from {table}
            where {string.Join(" and ", where)}
            group by 1 order by 1
            """;
        var rows = new List<FundsReportRow>();
        await using (var command = new NpgsqlCommand(sql, session.Connection))
        {
            command.Parameters.AddRange(parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync(http.RequestAborted);
            while (await reader.ReadAsync(http.RequestAborted))
            {
                var allocated = reader.GetDecimal(1);
                var disbursed = reader.GetDecimal(2);
                rows.Add(new FundsReportRow(reader.IsDBNull(0) ? "" : reader.GetString(0), allocated, disbursed, allocated - disbursed, reader.GetInt64(3)));
            }
        }

        if (Csv.Wanted(http))
            return Csv.File($"funds-by-{groupBy}.csv", [groupBy, "allocated", "disbursed", "allocated_not_disbursed", "movements"],
                rows.Select(r => (IReadOnlyList<object?>)[r.Key, r.Allocated, r.Disbursed, r.AllocatedNotDisbursed, r.Movements]));
        return Results.Ok(new FundsReport(groupBy, from, to, rows.Sum(r => r.Allocated), rows.Sum(r => r.Disbursed),
            rows.Skip((page - 1) * pageSize).Take(pageSize).ToList(), page, pageSize, rows.Count));
    }
}
