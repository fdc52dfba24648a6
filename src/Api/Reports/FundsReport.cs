using Funds.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Funds.Api.Reports;

public sealed record FundsReport(string GroupBy, DateOnly? From, DateOnly? To, decimal Allocated, decimal Disbursed, IReadOnlyList<FundsReportRow> Rows, int Page, int PageSize, int Total);
