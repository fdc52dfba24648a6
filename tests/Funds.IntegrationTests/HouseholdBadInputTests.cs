using System.Text;
using System.Text.Json.Nodes;
using Funds.Domain.Access;
using Funds.Domain.Common;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Every field of every village, household, loan and subsidy command, mutated: never a 5xx, every rejection
/// a problem, and nothing appended on a rejection.</summary>
public class HouseholdBadInputTests(FundsApp app) : IntegrationTest(app)
{
    private static readonly JsonNode?[] Mutations =
    [
        null, "", "   ", "abc", 123, -1, 0, 0.001, 1e30, true, new JsonArray(), new JsonObject(), new JsonArray((JsonNode?)null),
        "2019-02-30", "9999-12-31", new string('长', 5000), "黄\u200B坪村", "a/b", "\u0000\u0007", "\uD800", "𠀀𪚥龘",
    ];

    [Fact]
    public async Task no_mutation_of_a_household_command_causes_a_5xx_or_appends_after_rejection()
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        await p.RegisterVillage();
        var village = (string)Json(await Get($"/api/villages?township={Uri.EscapeDataString(p.Township)}", 200, p.Hq))["items"]![0]!["id"]!;
        var identity = IdentityNumbers.Complete($"4228221980{Random.Shared.Next(1, 12):00}{Random.Shared.Next(10, 28)}{Random.Shared.Next(100, 999)}");
        var household = (string)Json(await Post("/api/households", new { code = "HH-" + Guid.NewGuid().ToString("N")[..10], township = p.Township, village = p.Village,
            headName = "李国华", identityNumber = identity, size = 3, labourMembers = 2, status = "Poor", effectiveOn = "2015-01-01" }, 201, p.Hq))["id"]!;
        var loan = (string)Json(await Post($"/api/households/{household}/loans", new { bank = "农商银行", contractNo = "XD-" + Guid.NewGuid().ToString("N")[..6], amount = 10_000m,
            termMonths = 12, purpose = "茶叶", issuedOn = "2019-02-01" }, 200, Finance))["loans"]![0]!["loanId"]!;
        var source = await Funds.Source(received: 1_000m);
        var admin = App.Token(Roles.Admin);

        var cases = new (string Url, object Body, string Token, Guid Stream)[]
        {
            ("/api/villages", new { township = p.Township, name = "新村", status = "Exiting", exitYear = 2019, registeredOn = "2017-01-01" }, admin, Guid.Empty),
            ($"/api/villages/{village}/status", new { status = "Exited", exitYear = 2019, reason = "r", changedOn = "2019-12-01" }, admin, Guid.Parse(village)),
            ($"/api/villages/{village}/fund-payouts", new { amount = 1m, purpose = "SmallWorks", payee = "x", decisionRef = "d", paidOn = "2019-12-01", note = "n" }, p.Committee, Guid.Parse(village)),
            ("/api/households", new { code = "HH-X", township = p.Township, village = p.Village, headName = "王", identityNumber = identity, size = 2, labourMembers = 1,
                status = "Poor", effectiveOn = "2015-01-01" }, p.Hq, Guid.Empty),
            ($"/api/households/{household}/status", new { status = "ExitedMonitored", reason = "r", effectiveOn = "2019-01-01" }, p.Hq, Guid.Parse(household)),
            ($"/api/households/{household}/loans", new { bank = "b", contractNo = "c", amount = 1m, termMonths = 12, purpose = "p", issuedOn = "2019-02-01", projectId = Guid.NewGuid() }, Finance, Guid.Parse(household)),
            ($"/api/households/{household}/loan-repayments", new { loanId = loan, amount = 1m, repaidOn = "2019-03-01" }, Finance, Guid.Parse(household)),
            ($"/api/households/{household}/loan-extensions", new { loanId = loan, newDueOn = "2020-06-01", reason = "r", extendedOn = "2019-03-01" }, Finance, Guid.Parse(household)),
            ($"/api/households/{household}/loan-overdue-reports", new { loanId = loan, reportedOn = "2020-03-01" }, Finance, Guid.Parse(household)),
            ($"/api/fund-sources/{source}/interest-subsidies", new { householdId = household, loanId = loan, period = "p", amount = 1m, voucherNo = "v", paidOn = "2019-12-01" }, Finance, source),
        };
        var client = Host.Server.CreateClient();
        var attempts = 0;
        foreach (var (url, valid, token, stream) in cases)
        {
            var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(valid))!.AsObject();
            foreach (var field in body.Select(kv => kv.Key).ToList())
            foreach (var value in Mutations)
            {
                var mutated = body.DeepClone().AsObject();
                mutated[field] = value?.DeepClone();
                var before = stream == Guid.Empty ? 0 : await StreamVersion(stream);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(mutated.ToJsonString(), Encoding.UTF8, "application/json") };
                request.Headers.Authorization = new("Bearer", token);
                var response = await client.SendAsync(request);
                attempts++;
                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{url} {field} = {value?.ToJsonString() ?? "null"} gave {status}: {await response.Content.ReadAsStringAsync()}");
                if (status >= 400)
                {
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                    if (stream != Guid.Empty) Assert.Equal(before, await StreamVersion(stream));
                }
            }
        }
        Assert.True(attempts > 500, $"only {attempts} requests");
    }
}
