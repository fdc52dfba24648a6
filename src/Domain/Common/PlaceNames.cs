using System.Globalization;
using System.Text;

namespace Funds.Domain.Common;

/// <summary>Township and village names as a person reads them. A name is taken in Unicode NFC and trimmed;
/// it may not hold control, format (zero-width, direction marks), private-use or other invisible characters,
/// nor '/' (which separates township and village in a village role's scope), nor compatibility forms that
/// look like ordinary characters (full-width letters, Kangxi radicals: NFKC would change them).</summary>
public static class PlaceNames
{
    /// <summary>The longest township or village name accepted: a field bound, not a business rule.</summary>
    public const int MaxLength = 50;

    public static string Normalize(string name) => name.Normalize(NormalizationForm.FormC).Trim();

    /// <summary>What is wrong with a name (null: nothing). Checked on the normalized form.</summary>
    public static string? Problem(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return "is required.";
        if (HasLoneSurrogate(raw)) return "is not valid Unicode text.";
        var name = Normalize(raw);
        if (name.Length > MaxLength) return $"must be at most {MaxLength} characters.";
        foreach (var rune in name.EnumerateRunes())
        {
            if (rune.Value == '/') return "must not contain '/' (it separates township and village in a scope).";
            if (Invisible(rune)) return $"must not contain invisible or control characters (U+{rune.Value:X4}).";
        }
        if (!name.IsNormalized(NormalizationForm.FormKC))
            return "must not contain look-alike compatibility characters (full-width letters, radicals, ligatures); use the ordinary characters.";
        return null;
    }

    /// <summary>The form two names are compared in for look-alikes: NFKC, upper case, without spaces.</summary>
    public static string Skeleton(string name)
        => new(Normalize(name).Normalize(NormalizationForm.FormKC).ToUpperInvariant().Where(c => !char.IsWhiteSpace(c)).ToArray());

    private static bool Invisible(Rune rune)
    {
        if (rune.Value == ' ') return false;
        if (Rune.IsWhiteSpace(rune)) return true;
        if (rune.Value is 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 or 0x180E or 0xFFFD) return true;   // Hangul fillers, braille blank, Mongolian vowel separator, replacement character
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.PrivateUse
            or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
    }

    private static bool HasLoneSurrogate(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }
}
