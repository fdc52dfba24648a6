using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Funds.Domain.Common;

namespace Funds.Api.Http;

/// <summary>Every exported list, in one place: the same headers and rows answer as CSV (<c>Accept: text/csv</c>)
/// or as an Excel workbook (<c>Accept: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet</c>),
/// chosen when the answer is written. The workbook has typed cells (amounts as numbers with two decimals, dates as
/// dates, recorded times in China time), a Chinese header row that stays frozen, and column widths fitted to the
/// content. Text is written as inline strings, never as formulas; text that looks like one is marked as text
/// (quote prefix) so a spreadsheet never evaluates user input.</summary>
public static class Export
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv";

    public static bool Wanted(HttpContext http) => CsvWanted(http) || XlsxWanted(http);

    public static bool XlsxWanted(HttpContext http) => Accepts(http, XlsxType);

    public static bool CsvWanted(HttpContext http) => Accepts(http, CsvType);

    /// <summary>The list as a file; <paramref name="fileName"/> names the CSV, the workbook takes the same name with .xlsx.</summary>
    public static IResult File(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        => new ExportResult(fileName, headers, rows);

    private static bool Accepts(HttpContext http, string type)
        => http.Request.Headers.Accept.Any(a => a?.Contains(type, StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Capped at <see cref="LimitOptions.CsvMaxRows"/> rows: a longer export is refused with 422
    /// <c>export-too-large</c> before any of it is sent. CSV is written to the response as it is produced.</summary>
    private sealed class ExportResult(string fileName, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            var max = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitOptions>>().Value.CsvMaxRows;
            // Counted before the first byte is sent, so that a refusal can still be a problem.
            var counted = rows as ICollection<IReadOnlyList<object?>> ?? rows.Take(max + 1).ToList();
            if (counted.Count > max)
                throw RuleViolation.Unprocessable("export-too-large",
                    $"An export has at most {max} rows; this one would have more. Narrow it with the route's filters (from, to, township, …).");
            http.Response.Headers[Csv.RowsHeader] = counted.Count.ToString(CultureInfo.InvariantCulture);
            if (XlsxWanted(http) && !CsvWanted(http))
            {
                await Results.File(Workbook.Write(headers, counted), XlsxType, Path.ChangeExtension(fileName, ".xlsx")).ExecuteAsync(http);
                return;
            }
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = fileName }.ToString();
            await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024);
            await CsvText.WriteAsync(writer, headers, counted);
        }
    }

    /// <summary>UTF-8 with a byte order mark so Excel shows Chinese names correctly, RFC 4180 quoting, and text cells
    /// that would start a formula (= + - @) prefixed with an apostrophe.</summary>
    internal static class CsvText
    {
        public static async Task WriteAsync(TextWriter writer, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        {
            await writer.WriteAsync(string.Join(',', headers.Select(Text)) + "\r\n");
            foreach (var row in rows)
                await writer.WriteAsync(string.Join(',', row.Select(Cell)) + "\r\n");
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
            if (LooksLikeFormula(s)) s = "'" + s;
            return s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        }
    }

    internal static bool LooksLikeFormula(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    internal static class Workbook
    {
        // cell formats, by index into CellFormats below
        private const uint Header = 1, Amount = 2, Date = 3, DateTime = 4, Integer = 5, FormulaLikeText = 6;

        public static byte[] Write(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
        {
            var widths = headers.Select(h => Width(ExportHeaders.Chinese(h))).ToArray();
            var data = new SheetData();
            var header = new Row { RowIndex = 1 };
            foreach (var h in headers) header.Append(TextCell(ExportHeaders.Chinese(h), Header));
            data.Append(header);
            uint index = 1;
            foreach (var values in rows)
            {
                var row = new Row { RowIndex = ++index };
                for (var i = 0; i < values.Count; i++)
                {
                    var (cell, shown) = Typed(values[i]);
                    row.Append(cell);
                    if (i < widths.Length) widths[i] = Math.Max(widths[i], shown);
                }
                data.Append(row);
            }

            using var stream = new MemoryStream();
            using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
            {
                var workbook = document.AddWorkbookPart();
                workbook.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
                var styles = workbook.AddNewPart<WorkbookStylesPart>();
                styles.Stylesheet = Styles();
                var sheetPart = workbook.AddNewPart<WorksheetPart>();
                var columns = new Columns(widths.Select((w, i) => new Column
                {
                    Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(w + 2, 8, 60), CustomWidth = true,
                }));
                var frozen = new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0 });
                sheetPart.Worksheet = new Worksheet(frozen, new SheetFormatProperties { DefaultRowHeight = 15 }, columns, data);
                workbook.Workbook.Append(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Sheet1" }));
            }
            return stream.ToArray();
        }

        private static (Cell Cell, int Shown) Typed(object? value) => value switch
        {
            null => (new Cell(), 0),
            decimal d => (Number(d.ToString(CultureInfo.InvariantCulture), Amount), d.ToString("#,##0.00", CultureInfo.InvariantCulture).Length),
            int or long => (Number(Convert.ToString(value, CultureInfo.InvariantCulture)!, Integer), Convert.ToString(value, CultureInfo.InvariantCulture)!.Length),
            DateOnly d => (Number(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), Date), 10),
            DateTimeOffset t => (Number(t.ToOffset(ChinaTime.Offset).DateTime.ToOADate().ToString(CultureInfo.InvariantCulture), DateTime), 19),
            _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };

        private static (Cell, int) Text(string s) => (TextCell(s, LooksLikeFormula(s) ? FormulaLikeText : 0), Width(s));

        private static Cell Number(string value, uint style) => new() { CellValue = new CellValue(value), DataType = CellValues.Number, StyleIndex = style };

        private static Cell TextCell(string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString, StyleIndex = style,
        };

        /// <summary>Display width in characters: Chinese characters take two.</summary>
        private static int Width(string s) => s.Sum(c => c > 0x2E80 ? 2 : 1);

        private static Stylesheet Styles() => new(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "#,##0.00" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd hh:mm:ss" })
            { Count = 3 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true },
                new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
                new CellFormat { QuotePrefix = true })
            { Count = 7 });
    }
}
