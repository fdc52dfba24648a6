using Funds.Api.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Funds.Api.Reports;

public sealed record FundsReportRow(string Key, decimal Allocated, decimal Disbursed, decimal AllocatedNotDisbursed, long Movements);
