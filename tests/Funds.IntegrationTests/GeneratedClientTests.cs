using System.Net.Http.Headers;
using Funds.Domain.Access;
using Funds.IntegrationTests.GeneratedClient;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>A client generated from the OpenAPI document by a third-party generator (NSwag, as a library) drives a
/// whole project lifecycle (issue 16): register, approve, builder, start, completion, sign-off, a fund source with a
/// receipt and an allocation, a disbursement, settlement. The code using the client is compiled against the generated
/// types, so a required field the document left optional, or money it typed as double, fails this test.</summary>
public class GeneratedClientTests(FundsApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task a_generated_client_drives_a_project_from_registration_to_settlement()
    {
        var code = await ClientGenerator.GenerateAsync((await Get("/swagger/v1/swagger.json")).ReadAsText());
        if (Environment.GetEnvironmentVariable("FUNDS_DUMP_CLIENT") is { Length: > 0 } file) File.WriteAllText(file, code);
        var assembly = ClientGenerator.Compile(code, ClientGenerator.Script("Lifecycle.script.cs"));

        var township = UniqueName("官店镇");
        const string village = "黄坪村";
        await App.RegisterVillage(township, village);
        HttpClient As(string role)
        {
            var client = Host.Server.CreateClient();
            var scope = role == Roles.TownshipHq ? township : role == Roles.VillageCommittee ? Roles.VillageScope(township, village) : null;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Token(role, scope));
            return client;
        }
        // Below the county's four-eyes amount (1,000,000), so no second finance user is needed.
        // The contract as generated: money exact, required fields not nullable, enums and dates typed.
        Type Of(string name) => assembly.GetType("Funds.Generated." + name)!;
        Assert.Equal(typeof(decimal), Of("ApproveProject").GetProperty("ApprovedBudget")!.PropertyType);
        Assert.Equal(typeof(decimal), Of("DisburseFunds").GetProperty("Amount")!.PropertyType);
        Assert.Equal(typeof(decimal), Of("ProjectDetails").GetProperty("Disbursed")!.PropertyType);
        Assert.Equal(typeof(DateOnly), Of("StartConstruction").GetProperty("StartedOn")!.PropertyType);
        Assert.Equal(typeof(DateOnly?), Of("RegisterProject").GetProperty("RegisteredOn")!.PropertyType);
        Assert.Equal(typeof(int), Of("RegisterProject").GetProperty("PlanYear")!.PropertyType);
        Assert.True(Of("RegisterProject").GetProperty("Kind")!.PropertyType.IsEnum);
        Assert.True(Of("RegisterProject").GetProperty("Category")!.PropertyType.IsEnum);

        var run = assembly.GetType("Lifecycle")!.GetMethod("RunAsync")!;
        var outcome = await (Task<string>)run.Invoke(null, [(Func<string, HttpClient>)As, township, village])!;

        Assert.Equal("Settled|879999.99|黄坪村通组公路硬化（生成的客户端）|" + outcome.Split('|')[3], outcome);
        Assert.True(int.Parse(outcome.Split('|')[3]) >= 8);
    }
}
