using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.DependencyInjection;
using NSwag.CodeGeneration.CSharp;
using SchemaRegistry.Server.Tests.Harness;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> describes every route the running server maps (bodies, path parameters, a success
/// answer, problem answers), the bodies it describes are bodies the server accepts, and a client generated from it by
/// NSwag compiles and reads a schema from the live server.
/// </summary>
public sealed class OpenApiDocumentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Fqid = "finance.gdp.openapi:v1.0";

    /// <summary>Mapped but not API operations: the document itself and the Prometheus scrape (text exposition format).</summary>
    private static readonly HashSet<string> Undescribed = ["/openapi/{documentName}.json", "/metrics"];

    private static readonly HashSet<string> BodyErrorTitles = ["Malformed JSON", "Unknown member", "Body required"];

    private RegistryServer _server = null!;
    private JsonObject _document = null!;

    public async Task InitializeAsync()
    {
        _server = await RegistryServer.StartAsync(Store.Sqlite);
        using var admin = _server.Client();
        await admin.RegisterAsync(Schemas.Draft(Fqid));
        using var http = _server.Http(null);
        _document = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!.AsObject();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void Every_mapped_route_is_described_with_its_body_parameters_success_and_problem_answers()
    {
        var failures = new List<string>();
        var routes = MappedRoutes().ToList();
        Assert.True(routes.Count > 40, $"only {routes.Count} routes mapped");
        foreach (var (method, route, anonymous) in routes)
        {
            failures.AddRange(Check(_document, method, route, anonymous));
        }
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void The_walk_fails_for_a_route_the_document_does_not_describe()
    {
        var document = _document.DeepClone().AsObject();
        document["paths"]!.AsObject().Remove("/v1/keys/{id}/rotate");
        document["paths"]!["/v1/schema/{fqid}"]!["put"]!.AsObject().Remove("requestBody");
        document["paths"]!["/v1/subjects"]!["get"]!["responses"]!.AsObject().Remove("401");

        Assert.NotEmpty(Check(document, "POST", "/v1/keys/{id}/rotate", anonymous: false));
        Assert.Contains(Check(document, "PUT", "/v1/schema/{fqid}", anonymous: false), f => f.Contains("requestBody", StringComparison.Ordinal));
        Assert.Contains(Check(document, "GET", "/v1/subjects", anonymous: false), f => f.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_built_from_the_document_is_never_refused_as_malformed()
    {
        var builder = new RequestFromSchema(_document, Fqid);
        var failures = new List<string>();
        var sent = 0;
        using var http = _server.Http();
        foreach (var (path, item) in _document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch" or "delete"))
                {
                    continue;
                }
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), PathOf(path));
                var content = operation!["requestBody"]?["content"]?.AsObject();
                string? body = null;
                if (content?["application/json"]?["schema"] is { } schema)
                {
                    body = builder.Build(schema)?.ToJsonString() ?? "{}";
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }
                else if (content?.FirstOrDefault() is { Key: var mediaType })
                {
                    request.Content = new StringContent("{\"id\":\"1\"}\n", Encoding.UTF8, mediaType);
                }
                using var response = await http.SendAsync(request);
                sent++;
                var answer = await response.Content.ReadAsStringAsync();
                output.WriteLine($"{method.ToUpperInvariant()} {path} {body} → {(int)response.StatusCode} {answer[..Math.Min(answer.Length, 200)]}");
                if (response.StatusCode == HttpStatusCode.BadRequest
                    && JsonSerializer.Deserialize<ProblemResponse>(answer, RegistryJson.Options) is { } problem && BodyErrorTitles.Contains(problem.Title ?? ""))
                {
                    failures.Add($"{method.ToUpperInvariant()} {path}: {problem.Code} {problem.Title}: {problem.Detail} (body {body})");
                }
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method.ToUpperInvariant()} {path}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(sent > 20, $"only {sent} mutations in the document");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_client_generated_by_NSwag_compiles_and_reads_a_schema_from_the_live_server()
    {
        var document = await NSwag.OpenApiDocument.FromJsonAsync(_document.ToJsonString());
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "{controller}Client",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new NSwag.CodeGeneration.OperationNameGenerators.MultipleClientsFromFirstTagAndOperationIdGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();

        var assembly = Compile(code);
        var clientType = assembly.GetTypes().Single(t => t.GetMethod("GetSchemaAsync", [typeof(string)]) is not null);
        using var http = _server.Http();
        var client = Activator.CreateInstance(clientType, http)!;
        var task = (Task)clientType.GetMethod("GetSchemaAsync", [typeof(string)])!.Invoke(client, [Fqid])!;
        await task;
        var schema = task.GetType().GetProperty("Result")!.GetValue(task)!;
        Assert.Equal(Fqid, schema.GetType().GetProperty("Fqid")!.GetValue(schema));
        Assert.Equal("draft", schema.GetType().GetProperty("State")!.GetValue(schema)?.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    private Assembly Compile(string code)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("GeneratedRegistryClient", [CSharpSyntaxTree.ParseText(code)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        if (errors.Count > 0)
        {
            output.WriteLine(code);
        }
        Assert.True(result.Success, string.Join('\n', errors.Take(20)));
        image.Position = 0;
        return new AssemblyLoadContext("generated-client", isCollectible: true).LoadFromStream(image);
    }

    private IEnumerable<(string Method, string Route, bool Anonymous)> MappedRoutes() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !Undescribed.Contains(endpoint.RoutePattern.RawText!))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => (method, endpoint.RoutePattern.RawText!, endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)));

    /// <summary>What the document lacks for one route; empty when it describes it fully.</summary>
    private static List<string> Check(JsonObject document, string method, string route, bool anonymous)
    {
        var path = DocumentPath(route);
        var name = $"{method} {route}";
        if (document["paths"]?[path]?[method.ToLowerInvariant()] is not JsonObject operation)
        {
            return [$"{name}: not in the document"];
        }
        var failures = new List<string>();
        if (method is "POST" or "PUT" && operation["requestBody"]?["content"] is not JsonObject { Count: > 0 })
        {
            failures.Add($"{name}: no requestBody");
        }
        var parameters = (operation["parameters"] as JsonArray ?? []).Select(p => ((string?)p!["in"], (string?)p["name"])).ToHashSet();
        foreach (var placeholder in path.Split('/').Where(s => s.StartsWith('{')))
        {
            if (!parameters.Contains(("path", placeholder.Trim('{', '}'))))
            {
                failures.Add($"{name}: path parameter {placeholder} undescribed");
            }
        }
        var responses = operation["responses"] as JsonObject ?? [];
        if (!responses.Any(r => r.Key.StartsWith('2')))
        {
            failures.Add($"{name}: no 2xx response");
        }
        foreach (var status in anonymous ? [] : new[] { "400", "401", "403" })
        {
            if (responses[status]?["content"]?["application/problem+json"] is null)
            {
                failures.Add($"{name}: no {status} problem response");
            }
        }
        return failures;
    }

    /// <summary><c>/v1/drift/{id:long}</c> → <c>/v1/drift/{id}</c>: the document drops route constraints.</summary>
    private static string DocumentPath(string route) =>
        string.Join('/', route.Split('/').Select(s => s.StartsWith('{') && s.Contains(':', StringComparison.Ordinal) ? s[..s.IndexOf(':', StringComparison.Ordinal)] + "}" : s));

    private static string PathOf(string path) => path.TrimStart('/')
        .Replace("{fqid}", Fqid, StringComparison.Ordinal)
        .Replace("{subject}", "finance.gdp.openapi", StringComparison.Ordinal)
        .Replace("{id}", "1", StringComparison.Ordinal)
        .Replace("{pipelineId}", "openapi-none", StringComparison.Ordinal)
        .Replace("{runId}", "openapi-none", StringComparison.Ordinal);
}
