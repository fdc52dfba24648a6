using Alba;
using Funds.Api.Security;
using Funds.Domain.Access;
using Funds.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Funds.IntegrationTests;

/// <summary>No token → 401; wrong role → 403; right role, wrong township or village → 403; nothing appended.</summary>
public class SecurityTests(FundsApp app) : IntegrationTest(app)
{
    /// <summary>Every project command: its step route, a valid-looking body, and who may send it.</summary>
    public static TheoryData<string, string> Commands => new()
    {
        { "approval", Roles.Finance },
        { "builder", Roles.TownshipHq },
        { "builder-change", Roles.TownshipHq },
        { "start", Roles.TownshipHq },
        { "completion", Roles.TownshipHq },
        { "acceptance", Roles.VillageCommittee },
        { "acceptance-refusal", Roles.VillageCommittee },
        { "settlement", Roles.Finance },
        { "cancellation", Roles.TownshipHq },
        { "operating-entity", Roles.TownshipHq },
        { "income-distributions", Roles.TownshipHq },
        { "reviews", Roles.TownshipHq },
        { "screening", Roles.TownshipHq },
        { "assessment", Roles.TownshipHq },
        { "subcontracts", Roles.TownshipHq },
        { "benefit-links", Roles.TownshipHq },
        { "benefit-link-endings", Roles.TownshipHq },
    };

    private static readonly object AnyBody = new { startedOn = "2019-03-01", reason = "r", signatories = new[] { "李国华" } };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task project_command_needs_a_token_the_right_role_and_the_right_scope(string step, string role)
    {
        var p = Projects(UniqueName("官店镇"), "黄坪村");
        var id = await p.Register();
        var url = $"/api/projects/{id}/{step}";

        Assert.Equal("unauthenticated", (string)Json(await Post(url, AnyBody, 401, token: null))["rule"]!);

        var wrongRole = Roles.All.First(r => r != role && r != Roles.Admin);
        Assert.Equal(403, (int)Json(await Post(url, AnyBody, 403, App.Token(wrongRole, p.Township)))["status"]!);
        await Post(url, AnyBody, 403, App.Token(Roles.Admin));

        if (role == Roles.TownshipHq)
            Assert.Equal("outside-scope", (string)Json(await Post(url, AnyBody, 403, App.Token(Roles.TownshipHq, "高坪镇")))["rule"]!);
        if (role == Roles.VillageCommittee)
        {
            // A committee of another village in the same township, and of a same-named village elsewhere.
            await Post(url, AnyBody, 403, App.Token(Roles.VillageCommittee, Roles.VillageScope(p.Township, "望坪村")));
            Assert.Equal("outside-scope", (string)Json(await Post(url, AnyBody, 403, App.Token(Roles.VillageCommittee, Roles.VillageScope("高坪镇", "黄坪村"))))["rule"]!);
        }

        Assert.Equal(1, await StreamVersion(id));
    }

    [Fact]
    public async Task registration_is_for_the_township_hq_of_that_township()
    {
        var p = Projects(UniqueName("官店镇"));
        
        await Post("/api/projects", p.Registration(), 401, token: null);
        await Post("/api/projects", p.Registration(), 403, p.Finance);
        await Post("/api/projects", p.Registration(), 403, p.Committee);
        Assert.Equal("outside-scope", (string)Json(await Post("/api/projects", p.Registration(), 403, App.Token(Roles.TownshipHq, "高坪镇")))["rule"]!);
        Assert.Equal(0, await RegistrationsIn(p.Township));
    }

    [Theory]
    [InlineData("/api/projects")]
    [InlineData("/api/projects/0190c3b2-0000-7000-8000-000000000001")]
    public async Task reads_need_authentication_and_any_role_may_read(string url)
    {
        await Get(url, 401, token: null);
        foreach (var role in Roles.All)
        {
            var result = await Host.Scenario(s =>
            {
                s.Get.Url(url);
                s.WithRequestHeader("Authorization", "Bearer " + App.Token(role, role == Roles.TownshipHq ? "官店镇" : null));
                s.IgnoreStatusCode();
            });
            Assert.NotEqual(401, result.Context.Response.StatusCode);
            Assert.NotEqual(403, result.Context.Response.StatusCode);
        }
    }

    [Fact]
    public async Task tokens_signed_with_another_key_or_expired_are_refused()
    {
        var other = new TokenIssuer(new AuthOptions { SigningKey = new string('x', 40) });
        await Get("/api/projects", 401, other.Issue("mallory", Roles.Auditor, FundsApp.County));
        var issuer = Host.Services.GetRequiredService<TokenIssuer>();
        await Get("/api/projects", 401, issuer.Issue("late", Roles.Auditor, FundsApp.County, lifetime: TimeSpan.FromMinutes(-10)));
    }

    [Fact]
    public void every_api_endpoint_declares_who_may_call_it()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true)
            .ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            if (anonymous)
            {
                // Open by intent only: the development token route and the public village notice board.
                Assert.True(endpoint.RoutePattern.RawText is "/api/dev/token" || endpoint.RoutePattern.RawText!.StartsWith("/api/public/"),
                    $"{endpoint.RoutePattern.RawText} is anonymous");
                continue;
            }
            if (methods.Contains("POST"))
                Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy is not null || a.Roles is not null);
        }
    }

    /// <summary>Every route that exists, found from the running app rather than listed by hand: no token
    /// → 401; a token whose role the route does not allow → 403.</summary>
    [Fact]
    public async Task every_route_refuses_missing_tokens_and_roles_it_does_not_allow()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/") == true && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .ToList();
        var client = Host.Server.CreateClient();
        var checkedRoutes = 0;
        foreach (var endpoint in endpoints)
        {
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();
            var url = "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart l => l.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "creditCode" } => ProjectDriver.BuilderCode,
                _ => Guid.NewGuid().ToString(),
            }))));
            async Task<int> Send(string? token)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                if (method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
                if (token is not null) request.Headers.Authorization = new("Bearer", token);
                return (int)(await client.SendAsync(request)).StatusCode;
            }

            Assert.True(await Send(null) == 401, $"{method} {url} without a token");
            var allowed = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .SelectMany(a => a.Roles?.Split(',') ?? []).ToHashSet();
            if (allowed.Count > 0)
            {
                var outsider = Roles.County.FirstOrDefault(r => !allowed.Contains(r));
                if (outsider is not null)
                    Assert.True(await Send(App.Token(outsider, outsider == Roles.TownshipHq ? "官店镇" : null)) == 403, $"{method} {url} as {outsider}");
            }
            checkedRoutes++;
        }
        Assert.True(checkedRoutes > 30, $"only {checkedRoutes} routes found");
    }

    [Fact]
    public async Task dev_token_endpoint_issues_usable_tokens_in_development()
    {
        var token = Json(await Host.Scenario(s =>
        {
            s.Post.Json(new { role = "village-committee", township = "官店镇", village = "黄坪村" }).ToUrl("/api/dev/token");
            s.StatusCodeShouldBeOk();
        }));
        Assert.Equal("官店镇/黄坪村", (string)token["scope"]!);
        await Get("/api/projects", 200, (string)token["accessToken"]!);

        await Host.Scenario(s =>
        {
            s.Post.Json(new { role = "emperor" }).ToUrl("/api/dev/token");
            s.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task outside_development_there_is_no_token_endpoint_and_no_internal_detail()
    {
        await using var production = await AlbaHost.For<Program>(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("ConnectionStrings:Funds", App.ConnectionString);
            b.UseSetting("Funds:Auth:SigningKey", "a-production-key-from-configuration-0123456789");
            // One daemon per database in this test run: the main test host's.
            b.UseSetting("Funds:Projections:Daemon", "Disabled");
            b.UseSetting("Funds:Deadlines:Escalate", "false");
        });
        var token = production.Services.GetRequiredService<TokenIssuer>().Issue("ops", Roles.Admin, FundsApp.County);
        await production.Scenario(s =>
        {
            s.Post.Json(new { role = "admin" }).ToUrl("/api/dev/token");
            s.WithRequestHeader("Authorization", "Bearer " + token);
            s.StatusCodeShouldBe(404);
        });
        // Unauthenticated callers learn nothing about which routes exist.
        await production.Scenario(s =>
        {
            s.Post.Json(new { role = "admin" }).ToUrl("/api/dev/token");
            s.StatusCodeShouldBe(401);
        });
        var malformed = await production.Scenario(s =>
        {
            s.Post.Text("{\"approvedBudget\":").ToUrl($"/api/projects/{Guid.NewGuid()}/approval");
            s.WithRequestHeader("Content-Type", "application/json");
            s.WithRequestHeader("Authorization", "Bearer " + production.Services.GetRequiredService<TokenIssuer>().Issue("cw", Roles.Finance, FundsApp.County));
            s.StatusCodeShouldBe(400);
        });
        Assert.DoesNotContain("   at ", malformed.ReadAsText());
        Assert.DoesNotContain("Exception", malformed.ReadAsText());
        // No map of the API for strangers unless the operator publishes it (Funds:OpenApi:Enabled).
        await production.Scenario(s => { s.Get.Url("/swagger/v1/swagger.json"); s.StatusCodeShouldBe(401); });
        await production.Scenario(s => { s.Get.Url("/swagger/index.html"); s.StatusCodeShouldBe(401); });
    }
}
