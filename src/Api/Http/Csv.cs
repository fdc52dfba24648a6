namespace Funds.Api.Http;

/// <summary>The entry points every exported list calls: <c>Accept: text/csv</c> gives CSV, the Excel media type
/// gives an .xlsx workbook from the same headers and rows (see <see cref="Export"/>).</summary>
public static class Csv
{
    /// <summary>How many rows an export holds (CSV or workbook).</summary>
    public const string RowsHeader = "X-Export-Rows";

    public static bool Wanted(HttpContext http) => Export.Wanted(http);

    public static IResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        => Export.File(fileName, headers, rows);
}
