namespace Funds.Api.Reports;

/// <summary>Where a year's payments went, as a flow diagram (Sankey): fund sources → townships → projects → payees.
/// Each link's value is the money (CNY) paid along it; nodes are named uniquely across the four columns.</summary>
public sealed record FundFlow(int Year, decimal Disbursed, int Payments, IReadOnlyList<FundFlowNode> Nodes, IReadOnlyList<FundFlowLink> Links);

/// <summary>A node of the flow: <c>kind</c> is <c>source</c>, <c>township</c>, <c>project</c> or <c>payee</c>;
/// <c>id</c> is the fund source's or project's id, or the payee's credit code (none for townships and the rest).</summary>
public sealed record FundFlowNode(string Name, string Kind, string? Id);

public sealed record FundFlowLink(string Source, string Target, decimal Value);
