using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests;

/// <summary>Townships and villages are master data of the county: registered by an admin, and a project can only
/// be registered in a village on the register; phantom and look-alike villages are refused naming the rule.</summary>
public class VillageRegisterTests(FundsApp app) : IntegrationTest(app)
{
    private string Admin => App.Token(Roles.Admin);

    [Fact]
    public async Task an_admin_registers_villages_and_projects_go_only_into_registered_ones()
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        var created = Json(await Post("/api/villages", new { township = p.Township, name = " 黄坪村 ", status = "Exiting", exitYear = 2019, registeredOn = "2017-01-01" }, 201, Admin));
        Assert.Equal("黄坪村", (string)created["name"]!);
        var id = (string)created["id"]!;

        // a phantom village, a zero-width look-alike and a '/' in the name are refused, and nothing is appended
        Assert.Equal("village-not-registered", (string)Json(await Post("/api/projects", p.Registration(inVillage: "望坪村"), 422, p.Hq))["rule"]!);
        Assert.Equal("place-name-invalid", (string)Json(await Post("/api/projects", p.Registration(inVillage: "黄\u200B坪村"), 400, p.Hq))["rule"]!);
        Assert.Equal("place-name-invalid", (string)Json(await Post("/api/projects", p.Registration(inVillage: "黄坪村/一组"), 400, p.Hq))["rule"]!);
        Assert.Equal(0, await RegistrationsIn(p.Township));

        var project = Json(await Post("/api/projects", p.Registration(), 201, p.Hq));
        Assert.Equal("黄坪村", (string)project["village"]!);

        // the register: twice is a conflict, look-alikes are refused, only an admin changes it
        Assert.Equal("village-already-registered", (string)Json(await Post("/api/villages", new { township = p.Township, name = "黄坪村", status = "Poor" }, 409, Admin))["rule"]!);
        Assert.Equal("place-name-invalid", (string)Json(await Post("/api/villages", new { township = p.Township, name = "黄坪村\uFEFF", status = "Poor" }, 400, Admin))["rule"]!);
        Assert.Equal("village-already-registered", (string)Json(await Post("/api/villages", new { township = p.Township, name = "黄坪村\u3000", status = "Poor" }, 409, Admin))["rule"]!);
        await Post("/api/villages", new { township = p.Township, name = "Ａ村", status = "Poor" }, 400, Admin);
        await Post("/api/villages", new { township = p.Township, name = "三组村", status = "Poor" }, 403, p.Hq);
        await Post("/api/villages", new { township = p.Township, name = "三组村", status = "Poor" }, 403, Finance);

        var changed = Json(await Post($"/api/villages/{id}/status", new { status = "Exited", exitYear = 2019, reason = "2019年脱贫出列", changedOn = "2019-12-01" }, 200, Admin,
            s => s.WithRequestHeader("If-Match", "\"1\"")));
        Assert.Equal("Exited", (string)changed["status"]!);

        // reads, within reach: the committee of the village sees it, another township's HQ does not
        var list = Json(await Get($"/api/villages?township={Uri.EscapeDataString(p.Township)}", 200, p.Hq));
        Assert.Equal(1, (int)list["total"]!);
        await Get($"/api/villages/{id}", 200, p.Committee);
        await Get($"/api/villages/{id}", 404, App.Token(Roles.TownshipHq, "高坪镇"));
        Assert.Equal(0, (int)Json(await Get("/api/villages", 200, App.Token(Roles.TownshipHq, UniqueName("高坪镇"))))["total"]!);
    }
}
