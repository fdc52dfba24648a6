namespace Funds.Domain.Common;

/// <summary>The 18-character unified social credit code (统一社会信用代码, GB 32100-2015) that
/// identifies a builder, operating entity or payee. The 18th character is a check character
/// over the first 17, computed modulo 31 with fixed weights.</summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(code[i]);
            if (v < 0) return false;
            sum += v * Weights[i];
        }
        return code[17] == CheckCharacter(sum);
    }

    /// <summary>Completes a 17-character body with its check character.</summary>
    public static string Complete(string body17)
    {
        if (body17.Length != 17) throw new ArgumentException("A credit code body has 17 characters.", nameof(body17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(body17[i]);
            if (v < 0) throw new ArgumentException($"'{body17[i]}' is not allowed in a credit code.", nameof(body17));
            sum += v * Weights[i];
        }
        return body17 + CheckCharacter(sum);
    }

    private static char CheckCharacter(int weightedSum)
    {
        var check = 31 - weightedSum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }
}
