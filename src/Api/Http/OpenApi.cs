using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Funds.Api.Http;

public static class OpenApi
{
    public static IServiceCollection AddFundsOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Funds API",
                Version = "v1",
                Description = "Poverty-alleviation projects and the money that pays for them, as events. " +
                              "Errors are RFC 9457 problem responses with a stable `rule` code. " + OpenApiContract.MoneyDescription +
                              " Dates are `format: date` (yyyy-MM-dd), times `format: date-time` (ISO 8601 with offset). " +
                              "Each caller is rate-limited: 429 with Retry-After when over its limit (docs/limits.md).",
            });
            var xml = Path.Combine(AppContext.BaseDirectory, "Funds.Api.xml");
            if (File.Exists(xml)) o.IncludeXmlComments(xml);
            o.OperationFilter<ProblemResponses>();
            o.OperationFilter<ExportTypes>();
            OpenApiContract.Apply(o);
            o.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A JWT with a `role` claim (and `funds_scope` for township-hq and village-committee). " +
                              "In Development, get one from POST /api/dev/token.",
            });
            o.AddSecurityRequirement(doc => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", doc)] = [] });
        });
        return services;
    }

    /// <summary>Documents, in one place, the headers and problem responses every command and read shares.</summary>
    private sealed class ProblemResponses : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var method = context.ApiDescription.HttpMethod;
            var path = context.ApiDescription.RelativePath ?? "";
            var problem = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository);
            var validation = context.SchemaGenerator.GenerateSchema(typeof(ValidationProblemDetails), context.SchemaRepository);
            operation.Responses ??= new OpenApiResponses();

            void Add(int status, string description, IOpenApiSchema schema)
            {
                operation.Responses.TryAdd(status.ToString(), new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, IOpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
                });
            }

            // A command without a record id creates one (CommandSteps.AnswerCreated): 201 with Location, not 200.
            if (method == "POST" && !path.Contains('{') && context.ApiDescription.ParameterDescriptions.Any(p => p.Type is { } t && Permissions.Commands.ContainsKey(t))
                && operation.Responses.Remove("200", out var created))
            {
                created.Description = "Created; the Location header names the new record and ETag its version.";
                operation.Responses["201"] = created;
            }
            Add(400, "Invalid request: field errors (`errors`) or malformed input.", validation);
            if (!path.StartsWith("api/dev/"))
            {
                Add(401, "No valid bearer token.", problem);
                Add(403, "The caller's role or scope (township, village) does not allow this.", problem);
            }
            if (path.Contains('{')) Add(404, "No such record.", problem);
            if (method == "POST")
            {
                Add(409, "The record is in the wrong state for this command, or another writer saved first (`rule` says which).", problem);
                Add(422, "A business rule rejects the values (`rule` names it).", problem);
                if (path.Contains('{'))
                {
                    Add(412, "If-Match named a version that is no longer current.", problem);
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-Match", In = ParameterLocation.Header, Required = false,
                        Description = "The ETag of the version this command was decided on; stale → 412, nothing appended.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
                }
                operation.Parameters ??= [];
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = Idempotency.Header, In = ParameterLocation.Header, Required = false,
                    Description = "Makes retries safe: a repeated command with the same key returns the first answer and appends nothing.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                });
            }
            if (path.StartsWith("api/")) Add(429, "This caller is over its rate or concurrency limit (`rate-limited`); retry after the Retry-After delay.", problem);
            Add(503, "The database is unreachable; nothing was saved. Retry after the Retry-After delay.", problem);
        }
    }

    /// <summary>Every list that answers CSV answers the Excel workbook too (<see cref="Export"/>).</summary>
    private sealed class ExportTypes : IOperationFilter
    {
        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                if (response.Content is { } content && content.TryGetValue(Export.CsvType, out var csv))
                    content.TryAdd(Export.XlsxType, csv);
        }
    }
}
