namespace Funds.Domain.Common;

/// <summary>Amounts are CNY (元) as decimal with at most two decimals (fen).</summary>
public static class Money
{
    /// <summary>Upper bound for a single amount: 100 billion yuan. Anything larger is a typo.</summary>
    public const decimal Max = 100_000_000_000m;

    public static string? Problem(decimal amount)
    {
        if (amount <= 0) return "must be greater than zero.";
        if (amount > Max) return $"must not exceed {Max:0} yuan.";
        if (decimal.Round(amount, 2) != amount) return "must have at most two decimals (fen).";
        return null;
    }
}
