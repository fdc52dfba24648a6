using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Funds.Api.Http;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Every list with CSV also answers an Excel workbook; these read the workbooks back.</summary>
public class ExcelExportTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_trail_comes_as_a_workbook_with_typed_cells_a_chinese_frozen_header_and_no_formulas()
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        var (project, source) = await Funds.FundedProject(p, received: 100_000m, allocated: 50_000m, name: "杭州市东西部扶贫协作资金", kind: "EastWestCooperation");
        await Funds.Disburse(project, source, 12_345.67m, voucher: "=HYPERLINK(\"http://x\")", on: "2019-04-01");
        await Projected();

        var (name, sheet) = await Workbook($"/api/projects/{project}/trail");
        Assert.EndsWith(".xlsx", name);
        Assert.Equal(["序号", "类型", "业务日期", "记录时间（北京时间）", "资金来源", "项目", "金额（元）", "收款单位"], sheet.Header[..8]);
        Assert.Equal(2, sheet.Rows.Count); // the allocation and the payment
        var payment = sheet.Rows[^1];

        Assert.Equal((CellValues.Number, "#,##0.00", "12345.67"), sheet.Typed(payment, "金额（元）"));
        Assert.Equal((CellValues.Number, "yyyy-mm-dd", new DateTime(2019, 4, 1).ToOADate().ToString()), sheet.Typed(payment, "业务日期"));
        Assert.Equal("yyyy-mm-dd hh:mm:ss", sheet.Typed(payment, "记录时间（北京时间）").Format);
        Assert.Equal((CellValues.InlineString, "", "杭州市东西部扶贫协作资金"), sheet.Typed(payment, "资金来源"));

        // user text that looks like a formula stays text: an inline string marked with a quote prefix, never a formula
        var voucher = sheet.Cell(payment, "凭证号");
        Assert.Equal(CellValues.InlineString, voucher.DataType!.Value);
        Assert.Equal("=HYPERLINK(\"http://x\")", voucher.InnerText);
        Assert.True(sheet.QuotePrefixed(voucher));
        Assert.Empty(sheet.Part.Worksheet.Descendants<CellFormula>());

        // the header row stays frozen and every column has a width that fits its header
        var pane = sheet.Part.Worksheet.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 1d, "A2"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        var columns = sheet.Part.Worksheet.Descendants<Column>().ToList();
        Assert.Equal(sheet.Header.Count, columns.Count);
        Assert.All(columns, c => Assert.True(c.CustomWidth!.Value && c.Width!.Value >= 8));
        Assert.True(columns[sheet.Column("收款单位统一社会信用代码")].Width!.Value >= 24);
    }

    [Fact]
    public async Task every_csv_list_answers_a_workbook_with_the_same_rows()
    {
        var p = Projects(UniqueName("茅田乡"));
        var (project, source) = await Funds.FundedProject(p, received: 80_000m);
        await Funds.Disburse(project, source, 1_000.50m);
        await Projected();
        var township = Uri.EscapeDataString(p.Township);

        string[] lists =
        [
            $"/api/projects/{project}/trail", $"/api/fund-sources/{source}/trail",
            $"/api/reports/funds?groupBy=township&township={township}", "/api/reports/slow-money?asOf=2019-12-31",
            "/api/findings", $"/api/deadlines?asOf=2019-10-01&township={township}", "/api/deadlines/summary?asOf=2019-10-01",
        ];
        foreach (var url in lists)
        {
            var csv = await CsvLines(url);
            var (_, sheet) = await Workbook(url);
            Assert.True(csv.Length - 1 == sheet.Rows.Count, $"{url}: {csv.Length - 1} CSV rows, {sheet.Rows.Count} in the workbook");
            Assert.Equal(csv[0].Split(',').Length, sheet.Header.Count);
            Assert.Contains(sheet.Header, h => h.Any(c => c > 0x2E80));
        }

        var (_, report) = await Workbook($"/api/reports/funds?groupBy=township&township={township}");
        Assert.Equal((CellValues.Number, "#,##0.00", "80000"), report.Typed(report.Rows[0], "已分配（元）"));
        Assert.Equal((CellValues.Number, "0", "2"), report.Typed(report.Rows[0], "笔数"));
    }

    private async Task<string[]> CsvLines(string url)
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Auditor);
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var text = await client.GetStringAsync(url);
        return text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    private async Task<(string Name, Sheet Sheet)> Workbook(string url)
    {
        var client = Host.Server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", Auditor);
        client.DefaultRequestHeaders.Accept.ParseAdd(Export.XlsxType);
        var response = await client.GetAsync(url);
        Assert.Equal(Export.XlsxType, response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        return (response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName!, new Sheet(document));
    }

    private sealed class Sheet
    {
        private readonly Stylesheet _styles;

        public Sheet(SpreadsheetDocument document)
        {
            Part = document.WorkbookPart!.WorksheetParts.Single();
            _styles = document.WorkbookPart.WorkbookStylesPart!.Stylesheet;
            var rows = Part.Worksheet.Descendants<Row>().ToList();
            Header = rows[0].Elements<Cell>().Select(c => c.InnerText).ToList();
            Rows = rows.Skip(1).ToList();
        }

        public WorksheetPart Part { get; }
        public List<string> Header { get; }
        public List<Row> Rows { get; }

        public int Column(string header) => Header.IndexOf(header) is >= 0 and var i ? i : throw new KeyNotFoundException(header);

        public Cell Cell(Row row, string header) => row.Elements<Cell>().ElementAt(Column(header));

        public (CellValues Type, string Format, string Value) Typed(Row row, string header)
        {
            var cell = Cell(row, header);
            return (cell.DataType?.Value ?? CellValues.Number, Format(cell), cell.InnerText);
        }

        public bool QuotePrefixed(Cell cell) => Style(cell)?.QuotePrefix?.Value == true;

        private CellFormat? Style(Cell cell)
            => cell.StyleIndex is null ? null : _styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex.Value);

        private string Format(Cell cell)
        {
            var id = Style(cell)?.NumberFormatId?.Value ?? 0;
            if (id == 1) return "0";
            return _styles.NumberingFormats?.Elements<NumberingFormat>().FirstOrDefault(f => f.NumberFormatId!.Value == id)?.FormatCode?.Value ?? "";
        }
    }
}
