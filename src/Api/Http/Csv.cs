using System.Globalization;
using System.Text;

namespace Funds.Api.Http;

/// <summary>Trails and reports as CSV when the client sends <c>Accept: text/csv</c>: UTF-8 with a byte
/// order mark so Excel shows Chinese names correctly, RFC 4180 quoting, and text cells that would
/// start a formula (= + - @) prefixed with an apostrophe so a spreadsheet does not execute them. Written to the
/// response as it is produced, never built whole in memory, and capped at <see cref="LimitOptions.CsvMaxRows"/>
/// rows: a longer export is refused with 422 <c>export-too-large</c> before any of it is sent.</summary>
public static class Csv
{
    public static bool Wanted(HttpContext http)
        => http.Request.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true);

    public const string RowsHeader = "X-Export-Rows";

    public static IResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        => new Export(fileName, headers, rows);

    private sealed class Export(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var max = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitOptions>>().Value.CsvMaxRows;
            // The rows are counted before the first byte is sent, so that a refusal can still be a problem.
            var counted = rows as ICollection<IReadOnlyList<object?>> ?? rows.Take(max + 1).ToList();
            if (counted.Count > max)
            {
                http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = ProblemMapping.Rule(422, "export-too-large",
                        $"A CSV export has at most {max} rows; this one would have more. Narrow it with the route's filters (from, to, township, …)."),
                });
                return;
            }
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
            http.Response.Headers[RowsHeader] = counted.Count.ToString(CultureInfo.InvariantCulture);
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
            await writer.WriteAsync(string.Join(',', headers.Select(Text)) + "\r\n");
            foreach (var row in (IEnumerable<IReadOnlyList<object?>>)counted)
                await writer.WriteAsync(string.Join(',', row.Select(Cell)) + "\r\n");
        }
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString("0.00", CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Text(string s)
    {
        if (s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r') s = "'" + s;
        return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }
}
