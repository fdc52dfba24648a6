namespace Funds.Api.Projects;

/// <summary>What a payment is checked against besides the project: the source's allocation to the project,
/// and whether its voucher number is already used in the county.</summary>
public sealed record PaymentCheck(PaymentSource? Source, bool VoucherInUse);
