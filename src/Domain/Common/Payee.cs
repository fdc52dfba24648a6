namespace Funds.Domain.Common;

/// <summary>Who received a payment (收款单位), by unified social credit code.</summary>
public sealed record Payee(string Name, string CreditCode);
