namespace Funds.Domain.Common;

/// <summary>The 18-character resident identity number (居民身份证号码, GB 11643-1999): six digits of area, eight of
/// birth date, three of sequence, and a check character (0–9 or X) computed modulo 11 over the first 17.</summary>
public static class IdentityNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string Checks = "10X98765432";

    public static bool IsValid(string? number)
    {
        if (number is not { Length: 18 }) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return false;
            sum += (number[i] - '0') * Weights[i];
        }
        if (!DateOnly.TryParseExact(number.Substring(6, 8), "yyyyMMdd", out var birth) || birth.Year < 1900) return false;
        return char.ToUpperInvariant(number[17]) == Checks[sum % 11];
    }

    /// <summary>Completes a 17-digit body with its check character.</summary>
    public static string Complete(string body17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (body17[i] - '0') * Weights[i];
        return body17 + Checks[sum % 11];
    }

    /// <summary>The form shown to people: area code and last four characters, the birth date hidden (422822********123X).</summary>
    public static string Mask(string number) => number[..6] + new string('*', 8) + number[^4..].ToUpperInvariant();
}
