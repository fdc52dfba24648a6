using System.Text.Json.Nodes;
using CsCheck;
using Funds.IntegrationTests.Infrastructure;

namespace Funds.IntegrationTests.Fuzzing;

/// <summary>What generated requests point at: a township and village, projects in several states, fund
/// sources and findings, and a token for every role (scoped to that township and village).</summary>
public sealed record FuzzWorld(string Township, string Village, Guid[] Projects, Guid[] Sources, Guid[] Findings, IReadOnlyDictionary<string, string> Tokens);

/// <summary>Generates requests from the OpenAPI document: every operation, its path and query parameters from
/// their schemas, bodies from the request schema (each property usually plausible, sometimes hostile), and
/// whole bodies that are not one JSON object at all. Plausible values are steered by the property name
/// (township, creditCode, projectId …) so that some requests get past validation into the deciders.</summary>
public sealed class RequestGen(OpenApiOperations doc, FuzzWorld world)
{
    private static readonly string[] Texts =
        ["黄坪村通组公路硬化", "建始县官店镇𠀀组“一村一品”茶叶基地(二期)—— 'quoted' <b>&amp;", "恩施州路桥建设有限公司", "李国华", "王秀英", "建扶发〔2019〕12号", "r", "整改措施：补签验收单"];

    private static readonly JsonNode?[] Hostile =
    [
        null, "", "   ", "abc", 0, -1, 0.001, 1.005, 1e30, -99999999999999.99, 2147483648L, -2147483649L, true, new JsonArray(), new JsonObject(),
        "2019-02-30", "9999-12-31", "0001-01-01", "2019-07-01T25:00:00Z", new string('长', 5000), "'; drop table funds.mt_events; --",
        "<script>alert(1)</script>", "\u0000\u0007", "\u200b", "官店\u200b镇", "\ud800", "😀🇨🇳", "=1+1", "../../etc/passwd", "官店镇/黄坪村", "𠀀𪚥龘",
        JsonNode.Parse("79228162514264337593543950336"), JsonNode.Parse("1e400"), JsonNode.Parse("[[[[[[[[[[1]]]]]]]]]]"), JsonNode.Parse("{\"$ref\":\"x\"}"),
    ];

    private static readonly string[] HostileQuery =
        ["", "abc", "-1", "0", "2147483647", "2147483648", "-2147483648", "99999999999999999999", "1e5", "0x10", " 1", "1.5", "2019-02-30",
         "9999-12-31T23:59:59Z", "yesterday", "\u0000", "官店镇", "官店镇/黄坪村", "'; drop table x; --", new string('x', 3000), "%", "null", "true"];

    private static readonly string[] Callers = [.. Funds.Domain.Access.Roles.All, "none", "garbage"];

    private static readonly string[] Expensive = ["/reconciliation", "/audit/integrity", "/audit/digest", "/digest/verify"];

    public Gen<FuzzCase> Cases()
    {
        var operations = doc.All().ToArray();
        return Gen.OneOf(operations).SelectMany(For);
    }

    public Gen<FuzzCase> For(OperationSpec op)
    {
        var caller = op.Roles.Count == 0
            ? Gen.OneOf(Callers)
            : Gen.Frequency((6, Gen.OneOf([.. op.Roles])), (3, Gen.OneOf(Callers)));
        // A rebuild that succeeds is slow and covered by its own tests: the battery sends it with callers it refuses.
        // Other whole-county operations (reconciliation, integrity, digest) take up to a second each: seldom as a caller they admit.
        var refused = Gen.OneOf(Callers.Where(c => !op.Roles.Contains(c)).ToArray());
        if (op.Route.EndsWith("/rebuild")) caller = refused;
        else if (Expensive.Any(op.Route.EndsWith)) caller = Gen.Frequency((1, caller), (9, refused));

        var parameters = op.Parameters.Select(p => p.In == "path"
                ? PathParam(op.Route, p).Select(v => (p, (string?)v))
                : Gen.Frequency((2, Gen.Const<(ParameterSpec, string?)>((p, null))), (3, Param(p).Select(v => (p, (string?)v)))))
            .ToArray();
        var values = All(parameters);
        var body = op.Method == "POST" ? Body(op.Body) : Gen.Frequency((9, Gen.Const<(string?, string?)>((null, null))), (1, Body(op.Body)));
        var csv = Gen.Frequency((4, Gen.Const(false)), (1, Gen.Const(true)));
        var key = Gen.Frequency((4, Gen.Const((string?)null)), (1, Gen.Int[0, 30].Select(i => (string?)("fuzz-" + i))), (1, Gen.OneOf<string?>("", " ", "键-𠀀", new string('k', 500))));
        var ifMatch = Gen.Frequency((6, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("\"1\"", "\"2\"", "\"5\"", "*", "W/\"1\"", "garbage", "\"-1\"", "\"99999999999999999999\"")));
        var headers = Gen.Select(csv, key, ifMatch, Gen.Int[0, 40], (c, k, m, u) => (Csv: c, Key: k, IfMatch: m, Broken: u == 0));

        return Gen.Select(caller, values, body, headers, (who, ps, b, h) =>
        {
            var path = op.Route;
            var query = new List<string>();
            foreach (var (p, v) in ps)
            {
                if (p.In == "path") path = path.Replace("{" + p.Name + "}", Uri.EscapeDataString(v ?? ""));
                else if (v is not null) query.Add(p.Name + "=" + Uri.EscapeDataString(v));
            }
            var url = query.Count == 0 ? path : path + "?" + string.Join('&', query);
            return new FuzzCase(op.Method, op.Route, url, who, b.Item1, b.Item2)
            {
                Csv = h.Csv, BrokenUtf8 = h.Broken && b.Item2 is { Length: > 2 },
                IdempotencyKey = op.Method == "POST" ? h.Key : null, IfMatch = op.Method == "POST" ? h.IfMatch : null,
            };
        });
    }

    private Gen<string> PathParam(string route, ParameterSpec p)
    {
        Guid[]? ids = p.Name != "id" ? null
            : route.StartsWith("/api/projects/") ? world.Projects
            : route.StartsWith("/api/fund-sources/") ? world.Sources
            : route.StartsWith("/api/findings/") ? world.Findings : null;
        // A NUL in a path Kestrel refuses before the app sees it; the in-memory test server cannot even send it.
        var any = Param(p).Select(v => v.Replace("\u0000", ""));
        return ids is null ? any : Gen.Frequency((6, Gen.OneOf(ids).Select(g => g.ToString())), (1, any));
    }

    private Gen<string> Param(ParameterSpec p)
        => Gen.Frequency((5, Good(p.Name, p.Schema, 0).Select(Text)), (2, Gen.OneOf(HostileQuery)), (1, Gen.Guid.Select(g => g.ToString())));

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>(content type, body): mostly a JSON object built from the schema, sometimes a body of the wrong shape.</summary>
    private Gen<(string?, string?)> Body(JsonObject? schema)
    {
        var json = "application/json";
        var obj = schema is null ? Gen.Const<JsonNode?>(new JsonObject()) : Value("", schema, 0);
        var objText = obj.Select(o => o?.ToJsonString() ?? "null");
        return Gen.Frequency(
            (12, objText.Select(t => ((string?)json, (string?)t))),
            (1, Gen.OneOf("null", "[]", "42", "-0", "\"text\"", "true", "", " ", "{}", "[{}]", "{\"\":1}", "\uFEFF{}", "{}{}", "{} trailing", "{'a':1}", "{\"a\":1,}")
                .Select(t => ((string?)json, (string?)t))),
            (1, Gen.Select(objText, Gen.Int[0, 1000], (t, i) => ((string?)json, (string?)t[..Math.Min(i, Math.Max(0, t.Length - 1))]))),
            (1, Gen.Select(Gen.Int[2, 3000], Gen.Bool, (depth, arrays) => ((string?)json, (string?)(arrays
                ? new string('[', depth) + new string(']', depth)
                : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))))),
            (1, objText.Select(t => ((string?)json, (string?)Duplicated(t)))),
            (1, Gen.Select(objText, Gen.OneOf<string?>(null, "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
                "application/json; charset=utf-16", "application/merge-patch+json", "application/json; charset=latin1", "*/*"),
                (t, ct) => (ct, (string?)t))),
            (1, objText.Select(t => ((string?)json, (string?)("[" + t + "," + t + "]")))));
    }

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<IReadOnlyList<T>> All<T>(IEnumerable<Gen<T>> gens)
        => gens.Aggregate(Gen.Const<IReadOnlyList<T>>([]), (acc, g) => Gen.Select(acc, g, (xs, x) => (IReadOnlyList<T>)[.. xs, x]));

    private static string Duplicated(string objectText)
    {
        var node = JsonNode.Parse(objectText) as JsonObject;
        if (node is null || node.Count == 0) return "{\"a\":1,\"a\":2}";
        var (key, value) = node.First();
        return "{" + System.Text.Json.JsonSerializer.Serialize(key) + ":" + (value?.ToJsonString() ?? "null") + "," + objectText[1..];
    }

    private Gen<JsonNode?> Value(string name, JsonObject schema, int depth)
        => Gen.Frequency((8, Good(name, schema, depth)), (1, Gen.OneOf(Hostile).Select(h => h?.DeepClone())), (1, Gen.Const((JsonNode?)null)));

    private Gen<JsonNode?> Good(string name, JsonObject schema, int depth)
    {
        schema = doc.Resolve(schema);
        if (schema["enum"] is JsonArray values)
            return Gen.OneOf(values.Select(v => (string)v!).ToArray()).Select(v => (JsonNode?)JsonValue.Create(v));
        var type = (string?)schema["type"];
        var format = (string?)schema["format"];
        var lower = name.ToLowerInvariant();
        return type switch
        {
            "object" when depth < 3 => Object(schema, depth),
            "object" => Gen.Const<JsonNode?>(new JsonObject()),
            "array" => Good(name, schema["items"]?.AsObject() ?? new JsonObject { ["type"] = "string" }, depth + 1).Array[0, 3]
                .Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())])),
            "boolean" => Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
            "integer" => Integer(lower).Select(i => (JsonNode?)JsonValue.Create(i)),
            "number" => Gen.Frequency((3, Gen.Int[1, 10_000_000].Select(i => (JsonNode?)JsonValue.Create(i / 100m))), (1, Gen.Int[1, 100_000].Select(i => (JsonNode?)JsonValue.Create(i)))),
            _ => String(lower, format).Select(s => (JsonNode?)JsonValue.Create(s)),
        };
    }

    private Gen<JsonNode?> Object(JsonObject schema, int depth)
    {
        var properties = schema["properties"]?.AsObject().Select(kv => (kv.Key, Schema: kv.Value!.AsObject())).ToArray() ?? [];
        if (properties.Length == 0) return Gen.Const<JsonNode?>(new JsonObject());
        var gens = properties.Select(p => Gen.Frequency(
            (12, Value(p.Key, p.Schema, depth + 1).Select(v => (p.Key, Present: true, v))),
            (1, Gen.Const<(string, bool, JsonNode?)>((p.Key, false, null))))).ToArray();
        return Gen.Select(All(gens), Gen.Int[0, 20], (fields, extra) =>
        {
            var o = new JsonObject();
            foreach (var (key, present, v) in fields) if (present) o[key] = v;
            if (extra == 0) o["unexpected"] = "额外字段";
            return (JsonNode?)o;
        });
    }

    private static Gen<long> Integer(string name) => name switch
    {
        "planyear" or "fiscalyear" or "year" => Gen.OneOf(2017L, 2018L, 2019L, 2020L),
        "page" => Gen.OneOf(1L, 2L, 3L, 100_000L, 100_001L, int.MaxValue),
        "pagesize" => Gen.OneOf(1L, 10L, 50L, 500L, 501L, 1000L, 1001L, int.MaxValue),
        "version" or "uptosequence" => Gen.Long[0, 2000],
        "idledays" => Gen.Long[0, 400],
        _ => Gen.Long[0, 100],
    };

    private Gen<string> String(string name, string? format) => format switch
    {
        "uuid" => name switch
        {
            "projectid" => Gen.OneOf(world.Projects).Select(g => g.ToString()),
            "fundsourceid" or "source" => Gen.OneOf(world.Sources).Select(g => g.ToString()),
            _ => Gen.OneOf([.. world.Projects, .. world.Sources, .. world.Findings]).Select(g => g.ToString()),
        },
        "date" => Gen.OneOf("2019-01-10", "2019-02-01", "2019-02-20", "2019-03-01", "2019-06-20", "2019-06-25", "2019-07-01", "2019-07-10", "2019-12-01", "2020-01-15", "2020-01-16"),
        "date-time" => Gen.OneOf("2019-07-01T23:59:59+08:00", "2019-07-01T00:00:00Z", "2020-01-15T10:00:00+08:00"),
        _ => name switch
        {
            "township" => Gen.Frequency((5, Gen.Const(world.Township)), (1, Gen.OneOf(Texts))),
            "village" => Gen.Frequency((5, Gen.Const(world.Village)), (1, Gen.OneOf(Texts))),
            "creditcode" or "payeecreditcode" => Gen.OneOf(ProjectDriver.BuilderCode, ProjectDriver.OtherBuilderCode, "91422822MA4955XK2X"),
            "voucherno" or "reference" or "documentref" or "approvaldocumentno" => Gen.Int[0, 1_000_000].Select(i => "JSCZ-" + i),
            "groupby" => Gen.OneOf("township", "source", "category", "year", "month", "nonsense"),
            "role" => Gen.OneOf([.. Funds.Domain.Access.Roles.All]),
            "period" => Gen.OneOf("2019", "2019H1", "2019-Q3"),
            _ => Gen.OneOf(Texts),
        },
    };
}
