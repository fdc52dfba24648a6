using System.Globalization;

namespace Funds.Domain.Common;

/// <summary>Names of people shown to roles that do not need them: the surname's first character and one
/// asterisk per further character (张** for 张秀英).</summary>
public static class PersonNames
{
    public static string Mask(string name)
    {
        var letters = StringInfo.GetTextElementEnumerator(name);
        var count = 0;
        var first = "";
        while (letters.MoveNext())
        {
            if (count == 0) first = (string)letters.Current;
            count++;
        }
        return count <= 1 ? "*" : first + new string('*', count - 1);
    }
}
