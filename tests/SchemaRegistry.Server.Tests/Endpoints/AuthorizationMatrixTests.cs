using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using SchemaRegistry.Wire;
using Xunit.Abstractions;

namespace SchemaRegistry.Server.Tests.Endpoints;

/// <summary>
/// <see cref="EndpointMatrix"/> is exactly what the server maps, and every endpoint answers every caller as the
/// matrix says: each role, no key, a revoked key and an expired key.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await RegistryServer.StartAsync(Store.Sqlite);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void The_matrix_lists_exactly_the_mapped_endpoints_and_their_permissions()
    {
        var mapped = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => new EndpointRule(method, endpoint.RoutePattern.RawText!, PermissionOf(endpoint))))
            .OrderBy(rule => rule.Route, StringComparer.Ordinal).ThenBy(rule => rule.Method, StringComparer.Ordinal)
            .ToList();
        var listed = EndpointMatrix.Rules
            .OrderBy(rule => rule.Route, StringComparer.Ordinal).ThenBy(rule => rule.Method, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(listed, mapped);
    }

    [Fact]
    public void The_roles_reference_prints_the_matrix()
    {
        var roles = File.ReadAllText(Repository.PathOf("docs/roles.md")).ReplaceLineEndings("\n");
        Assert.Contains(EndpointMatrix.ToMarkdown(), roles, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_no_key_a_revoked_key_and_an_expired_key_as_the_matrix_says()
    {
        var callers = await CallersAsync();
        var failures = new List<string>();
        var table = new StringBuilder();
        table.AppendLine("endpoint".PadRight(48) + string.Concat(callers.Select(c => c.Name.PadLeft(16))));
        // The routes come from the running app, not from the matrix: a route mapped without a row fails here.
        var (rules, unlisted) = RowsFor(MappedRoutes());
        failures.AddRange(unlisted);
        Assert.True(rules.Count > 40, $"only {rules.Count} routes mapped");
        foreach (var rule in rules)
        {
            table.Append($"{rule.Method} {rule.Route}".PadRight(48));
            foreach (var caller in callers)
            {
                var (status, code) = await SendAsync(rule, caller.Secret);
                table.Append($"{status}{(code is null ? "" : " " + code)}".PadLeft(16));
                var expected = Expect(rule, caller);
                if (!expected.Matches(status, code))
                {
                    failures.Add($"{rule.Method} {rule.Route} as {caller.Name}: got {status} {code}, expected {expected.Description}");
                }
            }
            table.AppendLine();
        }
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        // The walk changed nothing: no schema, pipeline or subscription appeared.
        using var admin = _server.Client();
        Assert.Empty((await admin.ListSubjectsAsync()).Subjects);
        Assert.Empty(await admin.ListSubscriptionsAsync());
    }

    [Fact]
    public void A_mapped_route_without_a_permission_row_fails_the_walk()
    {
        var (rules, unlisted) = RowsFor(MappedRoutes().Append(("POST", "/v1/unlisted")));
        Assert.Equal(["POST /v1/unlisted: mapped by the server but has no row in EndpointMatrix"], unlisted);
        Assert.DoesNotContain(rules, rule => rule.Route == "/v1/unlisted");
    }

    private List<(string Method, string Route)> MappedRoutes() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => MethodsOf(endpoint).Select(method => (method, endpoint.RoutePattern.RawText!)))
            .ToList();

    /// <summary>The matrix row of each mapped route, and a failure for each route that has none.</summary>
    private static (List<EndpointRule> Rules, List<string> Unlisted) RowsFor(IEnumerable<(string Method, string Route)> routes)
    {
        var rules = new List<EndpointRule>();
        var unlisted = new List<string>();
        foreach (var (method, route) in routes)
        {
            if (EndpointMatrix.Rules.FirstOrDefault(rule => rule.Method == method && rule.Route == route) is { } rule)
            {
                rules.Add(rule);
            }
            else
            {
                unlisted.Add($"{method} {route}: mapped by the server but has no row in EndpointMatrix");
            }
        }
        return (rules, unlisted);
    }

    private sealed record Caller(string Name, Role? Role, string? Secret);

    private sealed record Expectation(string Description, Func<int, string?, bool> Matches);

    private static Expectation Expect(EndpointRule rule, Caller caller)
    {
        if (rule.Permission is null)
        {
            return new("2xx", (status, _) => status is >= 200 and < 300);
        }
        if (caller.Role is not { } role)
        {
            return new("401 AUTH-1001", (status, code) => status == 401 && code == "AUTH-1001");
        }
        return rule.Allows(role)
            // Past authorization the fake ids and empty bodies get 2xx, 400, 404, 409 or 415 — never 401, 403 AUTH-1002 or 5xx.
            ? new("authorized (not 401, not 403 AUTH-1002, not 5xx)", (status, code) => status != 401 && !(status == 403 && code == "AUTH-1002") && status < 500)
            : new("403 AUTH-1002", (status, code) => status == 403 && code == "AUTH-1002");
    }

    private async Task<List<Caller>> CallersAsync()
    {
        var callers = new List<Caller>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var name = WireNames.Of(role);
            callers.Add(new(name, role, role == Role.SchemaAdmin ? RegistryServer.AdminToken : await _server.KeyAsync("matrix-" + name, name)));
        }
        callers.Add(new("no key", null, null));

        using var admin = _server.Client();
        var revoked = await admin.CreateKeyAsync(new CreateKeyRequest("matrix-revoked", "schema-admin"));
        await admin.RevokeKeyAsync(revoked.Id);
        callers.Add(new("revoked admin", null, revoked.Secret));

        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(1);
        var expired = await admin.CreateKeyAsync(new CreateKeyRequest("matrix-expired", "schema-admin", expiresAt));
        using (var http = _server.Http(expired.Secret))
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("v1/subjects")).StatusCode); // it worked until it expired
        }
        var wait = expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(100);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        callers.Add(new("expired admin", null, expired.Secret));
        return callers;
    }

    private async Task<(int Status, string? Code)> SendAsync(EndpointRule rule, string? secret)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };
        using var request = new HttpRequestMessage(new HttpMethod(rule.Method), PathOf(rule.Route));
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }
        if (rule.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }
        using var response = await http.SendAsync(request);
        string? code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var problem = JsonSerializer.Deserialize<ProblemResponse>(await response.Content.ReadAsStringAsync(), RegistryJson.Options);
            code = problem?.Code;
        }
        return ((int)response.StatusCode, code);
    }

    /// <summary>A concrete path for a route: names that exist nowhere, so that whatever passes authorization changes nothing.</summary>
    private static string PathOf(string route) => route.TrimStart('/')
        .Replace("{fqid}", "finance.gdp.matrix:v1.0", StringComparison.Ordinal)
        .Replace("{subject}", "finance.gdp.matrix", StringComparison.Ordinal)
        .Replace("{id}", "missing-id", StringComparison.Ordinal)
        .Replace("{pipelineId}", "matrix-none", StringComparison.Ordinal)
        .Replace("{runId}", "matrix-none", StringComparison.Ordinal)
        .Replace("{documentName}", "v1", StringComparison.Ordinal);

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        // prometheus-net maps /metrics for any method; it is read with GET.
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"];

    private static Permission? PermissionOf(RouteEndpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return null;
        }
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).OfType<string>().ToList();
        var permission = Assert.Single(policies, policy => policy.StartsWith("permission:", StringComparison.Ordinal));
        return Enum.Parse<Permission>(permission["permission:".Length..]);
    }
}
