// Compiled at test time together with the client NSwag generates from the OpenAPI document (not part of the
// test project's own build): if the document said a field were optional, nullable or double, this would not compile.
using Funds.Generated;

public static class Lifecycle
{
    public static async Task<string> RunAsync(Func<string, HttpClient> http, string township, string village)
    {
        var hq = new FundsClient(http("township-hq"));
        var finance = new FundsClient(http("finance"));
        var committee = new FundsClient(http("village-committee"));

        ProjectDetails project = await hq.RegisterProjectAsync(new RegisterProject
        {
            Kind = ProjectKind.Infrastructure, Category = RegisterProjectCategory.Road, Name = "黄坪村通组公路硬化（生成的客户端）",
            Township = township, Village = village, PlanYear = 2019, RegisteredOn = new DateOnly(2019, 1, 10),
        });
        Guid id = project.Id;
        await hq.ScreenProjectAsync(id, new ScreenProject { Included = true, Reason = "列入2019年度脱贫攻坚项目库", ScreenedOn = new DateOnly(2019, 1, 20) });
        await hq.AssessProjectAsync(id, new AssessProject
        {
            Feasible = true, Conclusion = "技术可行，带贫效果明显", HouseholdsReached = 46, AssessedOn = new DateOnly(2019, 1, 25),
            PlannedFunding = [new PlannedFundingLine { Kind = FundSourceKind.SpecialPovertyFund, Amount = 1_200_000.00m }],
        });
        await finance.ApproveProjectAsync(id, new ApproveProject
        {
            ApprovalDocumentNo = "建扶发〔2019〕12号", ApprovedBudget = 1_200_000.00m, ApprovedBy = "建始县扶贫开发领导小组", ApprovedOn = new DateOnly(2019, 2, 1),
        }, if_Match: "\"3\"");
        await hq.SelectBuilderAsync(id, new SelectBuilder
        {
            BuilderName = "恩施州路桥建设有限公司", CreditCode = "91422822MA4955XK21", Method = BuilderSelectionMethod.PublicTender,
            Reference = "JSZB-2019-031", ContractAmount = 900_000.00m, SelectedOn = new DateOnly(2019, 2, 20),
        });
        await hq.StartConstructionAsync(id, new StartConstruction { StartedOn = new DateOnly(2019, 3, 1) });
        await hq.CompleteConstructionAsync(id, new CompleteConstruction { CompletedOn = new DateOnly(2019, 6, 20) });
        await committee.SignOffAcceptanceAsync(id, new SignOffAcceptance { Signatories = ["李国华", "王秀英"], SignedOn = new DateOnly(2019, 6, 25) });

        FundSourceDetails source = await finance.RegisterFundSourceAsync(new RegisterFundSource
        {
            Name = "2019年中央财政专项扶贫资金", Kind = FundSourceKind.SpecialPovertyFund, FiscalYear = 2019, DocumentRef = "鄂财农发〔2019〕1号",
            RegisteredOn = new DateOnly(2019, 1, 5),
        });
        await finance.ReceiveFundsAsync(source.Id, new ReceiveFunds { Amount = 900_000.00m, DocumentRef = "到位通知1号", ReceivedOn = new DateOnly(2019, 1, 20) });
        await finance.AllocateFundsAsync(source.Id, new AllocateFunds
        {
            ProjectId = id, Amount = 880_000.00m, DocumentRef = "建财预〔2019〕8号", AllocatedOn = new DateOnly(2019, 2, 10),
        }, idempotency_Key: "allocate-" + id);
        await finance.DisburseFundsAsync(id, new DisburseFunds
        {
            FundSourceId = source.Id, Amount = 879_999.99m, Kind = DisbursementKind.Final, VoucherNo = "JSCZ-" + id.ToString("N")[..10],
            PaidOn = new DateOnly(2019, 7, 1),
        });
        ProjectDetails settled = await finance.SettleProjectAsync(id, new SettleProject { SettledAmount = 880_000.00m, SettledOn = new DateOnly(2019, 7, 10) });

        ProjectDetails read = await finance.GetProjectAsync(id);
        decimal disbursed = read.Disbursed;
        return $"{settled.Status}|{disbursed:0.00}|{read.Name}|{read.Version}";
    }
}
