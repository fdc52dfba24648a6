using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Funds.Api.Http;

/// <summary>The parts of the OpenAPI document a generated client relies on: which command fields are
/// required (a command's constructor parameter without a default value or [Optional]), money as exact decimals, the
/// categories and credit codes the deciders accept, and the roles each operation admits.</summary>
public static class OpenApiContract
{
    public const string MoneyDescription =
        "Money is `type: number, format: decimal`: a JSON number read and written as an exact decimal (never binary " +
        "floating point). Amounts are CNY with at most two decimal places (fen); a third decimal is a 400.";

    public static void Apply(SwaggerGenOptions o)
    {
        o.MapType<decimal>(() => new OpenApiSchema { Type = JsonSchemaType.Number, Format = "decimal" });
        o.MapType<decimal?>(() => new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "decimal" });
        // A nullable record (approval, builder, settlement …) is said to be nullable, not just a bare $ref, so that a
        // generated client accepts null; non-nullable reference types are non-nullable.
        o.UseAllOfToExtendReferenceSchemas();
        o.SupportNonNullableReferenceTypes();
        o.SchemaFilter<RequiredCommandFields>();
        o.OperationFilter<Roles>();
    }

    /// <summary>Command fields are nullable in C# only so that a missing one is reported as missing; on the wire
    /// every field without a default is required and must not be null.</summary>
    private sealed class RequiredCommandFields : ISchemaFilter
    {
        public void Apply(IOpenApiSchema model, SchemaFilterContext context)
        {
            if (model is not OpenApiSchema schema || schema.Properties is null || !Permissions.Commands.ContainsKey(context.Type)) return;
            var parameters = context.Type.GetConstructors().MaxBy(c => c.GetParameters().Length)?.GetParameters() ?? [];
            foreach (var parameter in parameters)
            {
                var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(parameter.Name!);
                if (!schema.Properties.TryGetValue(name, out var property)) continue;
                var optional = parameter.HasDefaultValue || parameter.GetCustomAttribute<OptionalAttribute>() is not null;
                if (property is OpenApiSchema p)
                {
                    if (!optional && p.Type is { } t) p.Type = t & ~JsonSchemaType.Null;
                    Constrain(name, p);
                }
                if (optional) continue;
                schema.Required ??= new HashSet<string>();
                schema.Required.Add(name);
            }
        }

        private static void Constrain(string name, OpenApiSchema p)
        {
            if (name == "category")
            {
                p.Enum = [.. ProjectCategories.All.Select(c => (JsonNode)JsonValue.Create(c.Code))];
                p.Description = "Infrastructure: power-grid, road, drinking-water, broadband, housing-renovation; industry: product-base, cooperative, workshop, crop-livestock.";
            }
            else if (name.EndsWith("creditCode", StringComparison.OrdinalIgnoreCase) || name == "creditCode")
            {
                p.Pattern = "^[0-9A-HJ-NPQRTUWXY]{18}$";
                p.Description = "Unified social credit code (统一社会信用代码): 18 characters, the last a check character (GB 32100-2015).";
            }
            else if (p.Format == "decimal")
                p.Description = "CNY, exact decimal with at most two decimal places.";
        }
    }

    /// <summary>Names, on every operation, the roles that may call it (derived from the permissions table).</summary>
    private sealed class Roles : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var roles = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
            if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
                roles = ["anonymous"];
            if (roles.Count == 0) return;
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. roles.Select(r => (JsonNode)JsonValue.Create(r))]));
            var who = "Roles: " + string.Join(", ", roles) + ".";
            // Wolverine fills the description with its route name (POST_api_projects); the roles say more.
            operation.Description = operation.Description is null || !operation.Description.Contains(' ') ? who : operation.Description + "\n\n" + who;
        }
    }
}
