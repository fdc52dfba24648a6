using Funds.Projections.Money;

namespace Funds.Api.Reports;

public static class FundFlowEndpoint
{
    /// <summary>The county's disbursements (拨付) of one year (by payment date; default: the latest year with a payment) as
    /// a flow from fund sources to townships to projects to payees, for a Sankey diagram. The <c>top</c> projects by money
    /// received are shown one by one (default 30, at most 200); the others of a township are joined in one node
    /// "其他项目 (township)", and their payees in "其他收款单位". Provincial roles name the county with <c>?county=</c>.</summary>
    [WolverineGet("/api/reports/fund-flow", OperationId = "GetFundFlow")]
    [Allow(Reads.Reports)]
    public static async Task<FundFlow> Get(IQuerySession session, HttpContext http, TimeProvider clock, int? year = null, int top = 30)
    {
        new FieldErrors()
            .When(year is < 2000 or > 2100, "year", "must be a calendar year.")
            .When(top is < 1 or > 200, "top", "must be between 1 and 200.")
            .ThrowIfAny();
        var payments = session.Query<FundMovement>().Where(m => m.Type == FundingEntryType.Disbursement);
        var latest = year is null ? await payments.OrderByDescending(m => m.BusinessDate).FirstOrDefaultAsync(http.RequestAborted) : null;
        var shown = year ?? latest?.BusinessDate.Year ?? ChinaTime.DateOf(clock.GetUtcNow()).Year;
        var (from, to) = (new DateOnly(shown, 1, 1), new DateOnly(shown, 12, 31));
        var rows = await payments.Where(m => m.BusinessDate >= from && m.BusinessDate <= to).ToListAsync(http.RequestAborted);

        var topProjects = rows.GroupBy(m => m.ProjectId).OrderByDescending(g => g.Sum(m => m.Disbursed)).ThenBy(g => g.Key)
            .Take(top).Select(g => g.Key).ToHashSet();
        var nodes = new Dictionary<string, FundFlowNode>();
        var labels = new Dictionary<(string Kind, string? Id, string Name), string>();
        var links = new Dictionary<(string, string), decimal>();
        // a diagram names its nodes: two projects (or payees, sources) of one name get a number each after the first
        string Node(string name, string kind, string? id)
        {
            if (labels.TryGetValue((kind, id, name), out var known)) return known;
            var label = name;
            for (var n = 2; nodes.ContainsKey(label); n++) label = $"{name} ({n})";
            nodes[label] = new FundFlowNode(label, kind, id);
            labels[(kind, id, name)] = label;
            return label;
        }
        void Link(string from, string to, decimal amount) => links[(from, to)] = links.GetValueOrDefault((from, to)) + amount;

        foreach (var m in rows)
        {
            var source = Node(m.SourceName, "source", m.FundSourceId.ToString());
            var township = Node(m.Township, "township", null);
            var one = topProjects.Contains(m.ProjectId);
            var project = one ? Node($"{m.ProjectName}（{m.Township}{m.Village}）", "project", m.ProjectId.ToString()) : Node($"其他项目（{m.Township}）", "project", null);
            var payee = one && m.PayeeName is { } payeeName ? Node(payeeName, "payee", m.PayeeCreditCode) : Node("其他收款单位", "payee", null);
            Link(source, township, m.Disbursed);
            Link(township, project, m.Disbursed);
            Link(project, payee, m.Disbursed);
        }
        return new FundFlow(shown, rows.Sum(m => m.Disbursed), rows.Count, nodes.Values.ToList(),
            links.Select(l => new FundFlowLink(l.Key.Item1, l.Key.Item2, l.Value)).OrderByDescending(l => l.Value).ToList());
    }
}
