using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Authorization;

namespace Funds.Api.Security;

/// <summary>Derives each endpoint's authorization from the permissions table: a command's roles by its request
/// type, any other endpoint's by its <see cref="AllowAttribute"/>. An /api endpoint that says neither fails
/// start-up, so no route is ever open by omission; one granted to no role in the table is public by intent.</summary>
public sealed class AccessPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => c.RoutePattern?.RawText?.StartsWith("/api/") == true))
        {
            var roles = RolesFor(chain)
                        ?? throw new InvalidOperationException($"{chain.RoutePattern!.RawText} is neither a command in the permissions table nor marked [Allow(…)].");
            if (roles.Count == 0) chain.AllowAnonymous();
            else chain.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(',', roles) });
        }
    }

    public static IReadOnlyList<string>? RolesFor(HttpChain chain)
    {
        if (chain.RequestType is { } body && Permissions.Commands.ContainsKey(body)) return Permissions.For(body).Roles;
        return chain.Method.Method.GetCustomAttribute<AllowAttribute>() is { } allow ? Permissions.ForReading(allow.What) : null;
    }
}
