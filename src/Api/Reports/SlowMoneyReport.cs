using Funds.Api.Http;
using Funds.Domain.Oversight;
using Microsoft.AspNetCore.Mvc;
using Funds.Api.Hosting;

namespace Funds.Api.Reports;

public sealed record SlowMoneyReport(DateOnly AsOf, int IdleDaysThreshold, double? AverageDaysSignOffToPayment, IReadOnlyList<SignOffToPayment> SignOffToPayment, IReadOnlyList<IdleAllocation> IdleAllocations);
