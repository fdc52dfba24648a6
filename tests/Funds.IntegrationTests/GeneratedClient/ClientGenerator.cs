using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Funds.IntegrationTests.GeneratedClient;

/// <summary>Generates a C# client from the OpenAPI document with a third-party generator (NSwag), and compiles it
/// together with code written against that client, so that the generated types are checked by the compiler
/// (a required decimal field is <c>decimal</c>, not <c>double?</c>).</summary>
public static class ClientGenerator
{
    public static async Task<string> GenerateAsync(string openApiJson)
    {
        var document = await OpenApiDocument.FromJsonAsync(openApiJson);
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "FundsClient",
            GenerateClientInterfaces = false,
            UseBaseUrl = false,
            GenerateOptionalParameters = true,
            OperationNameGenerator = new NSwag.CodeGeneration.OperationNameGenerators.SingleClientFromOperationIdOperationNameGenerator(),
            CSharpGeneratorSettings =
            {
                Namespace = "Funds.Generated",
                // Newtonsoft (NSwag's default): System.Text.Json ignores the [EnumMember] names NSwag gives
                // hyphenated enum values such as the category "power-grid".
                JsonLibrary = CSharpJsonLibrary.NewtonsoftJson,
                DateType = "System.DateOnly",
                DateTimeType = "System.DateTimeOffset",
                GenerateNullableReferenceTypes = true,
            },
        };
        return new CSharpClientGenerator(document, settings).GenerateFile();
    }

    public static string Script(string name)
    {
        using var stream = typeof(ClientGenerator).Assembly.GetManifestResourceStream(name)!;
        return new StreamReader(stream).ReadToEnd();
    }

    public static Assembly Compile(params string[] sources)
    {
        const string usings = "global using System; global using System.Net.Http; global using System.Threading.Tasks; global using System.Collections.Generic; global using System.Linq;";
        var trees = sources.Append(usings).Select(s => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest))).ToArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && a.Location.Length > 0).Select(a => a.Location))
            .Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Funds.Generated." + Guid.NewGuid().ToString("N")[..8], trees, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success)
            throw new InvalidOperationException("The generated client, or the code using it, does not compile:\n" + string.Join("\n", errors.Take(30)));
        image.Position = 0;
        return new AssemblyLoadContext(null, isCollectible: true).LoadFromStream(image);
    }
}
