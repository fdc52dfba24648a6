using System.Text.Json.Nodes;

namespace Funds.IntegrationTests.Fuzzing;

/// <summary>A parameter of an operation as the OpenAPI document declares it (path or query).</summary>
public sealed record ParameterSpec(string Name, string In, JsonObject Schema);

/// <summary>One operation of the running app's OpenAPI document: method, route template, parameters, body schema and roles.</summary>
public sealed record OperationSpec(string Method, string Route, IReadOnlyList<ParameterSpec> Parameters, JsonObject? Body, IReadOnlyList<string> Roles)
{
    public override string ToString() => $"{Method} {Route}";
}

/// <summary>Reads the operations out of the document, with every <c>$ref</c> resolved against its components.</summary>
public sealed class OpenApiOperations(JsonObject document)
{
    public JsonObject Resolve(JsonNode schema)
    {
        var s = schema.AsObject();
        if (s["allOf"] is JsonArray { Count: 1 } wrapped) return Resolve(wrapped[0]!);
        return s["$ref"] is { } r ? Resolve(document["components"]!["schemas"]![((string)r!).Split('/')[^1]]!) : s;
    }

    public IReadOnlyList<OperationSpec> All()
    {
        var list = new List<OperationSpec>();
        foreach (var (route, item) in document["paths"]!.AsObject())
        foreach (var (method, op) in item!.AsObject())
        {
            var parameters = (op!["parameters"]?.AsArray() ?? [])
                .Select(p => p!.AsObject())
                .Where(p => (string)p["in"]! is "path" or "query")
                .Select(p => new ParameterSpec((string)p["name"]!, (string)p["in"]!, Resolve(p["schema"]!)))
                .ToList();
            var body = op["requestBody"]?["content"]?["application/json"]?["schema"] is { } b ? Resolve(b) : null;
            var roles = op["x-roles"]?.AsArray().Select(r => (string)r!).ToList() ?? [];
            list.Add(new OperationSpec(method.ToUpperInvariant(), route, parameters, body, roles));
        }
        return list;
    }
}
