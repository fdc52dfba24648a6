using Funds.Domain.Common;
using Funds.Domain.Deadlines;
using static Funds.Domain.Policy.RuleSource;

namespace Funds.Domain.Policy;

/// <summary>Every rule Funds enforces, with its source: the seeds' facts, then the county's policy with the
/// values in force for it. What <c>GET /api/policy</c> lists.</summary>
public static class PolicyCatalog
{
    public const string PolicyKey = "Funds:Policy:";
    public const string CountyKey = "Funds:Tenancy:Counties:N:Policy:";
    public const string DeadlineKey = "Funds:Deadlines:";

    public static IReadOnlyList<PolicyRule> Describe(CountyPolicy county, DeadlinePolicy deadlines)
    {
        List<PolicyRule> rules =
        [
            .. DeadlinePolicy.Plan2019.Select(r => new PolicyRule(r.Id, r.Description, r.Due, Seed, "seed 000: 2019年以前启动的项目…6月底前全部完工; 2019年新启动的项目…3月底以前全部开工,9月底以前完工; 饮水安全工程9月底前")),
            new(DangerousHouseBoard.RuleId, "Every household on the dangerous-house ledger closed (危房户台账销号, 住房安全问题清零)", DangerousHouseBoard.Due, Seed,
                "seed 000: 对…危房户,建立台账,实行销号管理,确保在2019年9月底前全面实现住房安全问题\"清零\""),
            new("sign-off-basis-for-settlement", "Settlement and the final payment only on the village committee's signed acceptance (竣工验收签字)", true, Seed,
                "seed 000: 项目竣工验收必须得到村\"两委\"的签字认可,并以此为项目结算的依据"),
            new("tender-or-collective-decision", "The builder is chosen by public tender, or for small works by a collective decision of the township HQ", true, Seed,
                "seed 000: 招投标 / 集体研究确定 (the threshold is a prefecture matter)"),
            new("no-layered-subcontracting", "A subcontract is one level deep: a subcontractor may not subcontract again", true, Seed, "seed 000: 严禁项目施工层层转包"),
            new("rectification-ledger", "Findings are kept in a ledger with deadlines and closed item by item", true, Seed, "seed 000: 建立整改台账,实行限期整改销号"),
            new("screening-and-assessment-before-approval", "A project is approved only once screened in (筛选) and assessed feasible (论证)", true, Seed,
                "seed 000: 全过程监管: 申报、筛选、论证、审批"),
            new("approving-role", "The role that approves projects (finance bureau, or township HQ)", county.ApprovingRole, Configurable,
                Key(nameof(CountyPolicy.ApprovingRole))),
            new("township-approval-limit", "A township HQ may also approve projects of its township up to this budget (CNY); 0: none",
                county.TownshipApprovalLimit, Configurable, Key(nameof(CountyPolicy.TownshipApprovalLimit))),
            new("small-works-threshold", "Contracts below this amount (CNY) may be awarded by collective decision instead of public tender",
                county.SmallWorksThreshold, Configurable, Key(nameof(CountyPolicy.SmallWorksThreshold))),
            new("progress-cap", "Before the acceptance sign-off, progress payments reach at most this share of the contract",
                county.ProgressPaymentCap, Configurable, Key(nameof(CountyPolicy.ProgressPaymentCap))),
            new("contract-within-budget", "A contract may not exceed the approved budget",
                county.ContractWithinBudget, Configurable, Key(nameof(CountyPolicy.ContractWithinBudget))),
            new("four-eyes-amount", "A payment above this amount (CNY), or to anyone but the builder of record or a declared subcontractor, needs a payment exception approved by a second finance user",
                county.FourEyesAmount, Configurable, Key(nameof(CountyPolicy.FourEyesAmount))),
            new("idle-allocation-days", "An allocation with money left and no payment for longer than this many days is idle",
                county.IdleAllocationDays, Configurable, Key(nameof(CountyPolicy.IdleAllocationDays))),
            new("late-entry-days", "A step dated further back than this many days before it is recorded needs a late-entry reason (补录); 0: no limit",
                county.LateEntryDays, Configurable, Key(nameof(CountyPolicy.LateEntryDays))),
            new("registered-villages-only", "Projects, households and loans are placed only in villages on the county's register",
                county.RequireRegisteredVillages, Configurable, Key(nameof(CountyPolicy.RequireRegisteredVillages))),
            new("household-income-ceiling", "A household receiving more than this (CNY) from project income in one calendar year is flagged by the audit check",
                county.HouseholdIncomeCeiling, Configurable, Key(nameof(CountyPolicy.HouseholdIncomeCeiling))),
            new("minimum-linked-share", "An industry project linking less than this share of its village's poor households with labour capacity is flagged (the seeds say \"most\")",
                county.MinimumLinkedShare, Configurable, Key(nameof(CountyPolicy.MinimumLinkedShare))),
            new("max-loan-amount", "The largest poverty micro-credit loan to one household (CNY)",
                county.MaxLoanAmount, Configurable, Key(nameof(CountyPolicy.MaxLoanAmount))),
            new("max-loan-term-months", "The longest term of a poverty micro-credit loan, in months",
                county.MaxLoanTermMonths, Configurable, Key(nameof(CountyPolicy.MaxLoanTermMonths))),
            new("max-loan-extensions", "How many times a poverty micro-credit loan may be extended (展期)",
                county.MaxLoanExtensions, Configurable, Key(nameof(CountyPolicy.MaxLoanExtensions))),
            new("settlement-not-below-paid", "A project cannot be settled below what was already paid for it (no overpayment is left unrecovered)",
                true, Control, "fixed (docs/funds.md)"),
            new("four-eyes-off-the-normal-path", "A payment to anyone but the builder of record or a declared subcontractor needs a payment exception asked by one finance user and approved by another",
                true, Control, "fixed, on the seed's 严禁层层转包 (docs/funds.md)"),
            new("verification-by-another", "A finding is closed (销号) only after its fix is verified on site by someone other than the one who reported it",
                true, Control, "fixed, on the seed's 限期整改销号 (docs/supervision.md)"),
            new("at-risk-days", "An unmet deadline due within this many days is at risk", deadlines.AtRiskDays, Configurable, DeadlineKey + "AtRiskDays (all counties)"),
            new("deadlines-for-industry-projects", "The 2019 deadlines (stated for infrastructure short-board projects) also apply to industry projects",
                deadlines.IndustryProjects, Configurable, DeadlineKey + "IndustryProjects (all counties)"),
            .. deadlines.Rules.Where(r => !DeadlinePolicy.Plan2019.Contains(r))
                .Select(r => new PolicyRule(r.Id, r.Description, r.Due, Configurable, DeadlineKey + "Rules (all counties)")),
        ];
        return rules;
    }

    private static string Key(string name) => $"{PolicyKey}{name} (per county {CountyKey}{name})";
}
