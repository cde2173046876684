using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SchemaRegistry.Confluent.Http;
using SchemaRegistry.Confluent.Tests.Harness;
using SchemaRegistry.Core.Documents;
using SchemaRegistry.Core.Security;
using SchemaRegistry.Server.Auth;
using Xunit.Abstractions;

namespace SchemaRegistry.Confluent.Tests;

/// <summary><see cref="ConfluentEndpointMatrix"/> is exactly what the door maps, and every route answers every role as it says.</summary>
public sealed class EndpointMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private RegistryServer _server = null!;

    public async Task InitializeAsync() => _server = await DoorServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private List<EndpointRule> Mapped() =>
        _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ConfluentErrorWriter>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m =>
                new EndpointRule(m, e.RoutePattern.RawText!, PermissionOf(e))))
            .OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal)
            .ToList();

    private static Permission? PermissionOf(RouteEndpoint endpoint)
    {
        var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return policy is null ? null : Enum.Parse<Permission>(policy["permission:".Length..]);
    }

    [Fact]
    public void The_matrix_lists_exactly_the_routes_the_door_maps_with_their_permissions()
    {
        var listed = ConfluentEndpointMatrix.Rules.OrderBy(r => r.Route, StringComparer.Ordinal).ThenBy(r => r.Method, StringComparer.Ordinal).ToList();
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.Equal(listed, Mapped());
    }

    [Fact]
    public void The_documentation_prints_the_matrix()
    {
        var doc = File.ReadAllText(Repository.PathOf("docs/confluent.md")).ReplaceLineEndings("\n");
        Assert.Contains(ConfluentEndpointMatrix.ToMarkdown(), doc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_route_answers_every_role_and_no_key_as_the_matrix_says()
    {
        var callers = new List<(string Name, Role? Role, string? Secret)>();
        foreach (var role in Enum.GetValues<Role>())
        {
            callers.Add((WireNames.Of(role), role, role == Role.SchemaAdmin ? DoorServer.AdminToken : await _server.KeyAsync("matrix-" + WireNames.Of(role), WireNames.Of(role))));
        }
        callers.Add(("no key", null, null));
        var failures = new List<string>();
        var table = new StringBuilder();
        foreach (var rule in Mapped())
        {
            table.Append($"{rule.Method} {rule.Route}".PadRight(64));
            foreach (var (name, role, secret) in callers)
            {
                using var http = _server.Basic(secret);
                var path = rule.Route.TrimStart('/').Replace("{subject}", "matrix-value", StringComparison.Ordinal)
                    .Replace("{version}", "1", StringComparison.Ordinal).Replace("{id}", "1", StringComparison.Ordinal);
                var answer = await http.SendAsync(new HttpMethod(rule.Method), path, rule.Method is "POST" or "PUT" ? "{}" : null);
                var code = answer.Json.ValueKind == System.Text.Json.JsonValueKind.Object && answer.Json.TryGetProperty("error_code", out var c) ? c.GetInt32() : 0;
                var status = (int)answer.Status;
                table.Append($"{status} {code}".PadLeft(14));
                var ok = role switch
                {
                    null => status == 401 && code == 40101,
                    { } r when !rule.Allows(r) => status == 403 && code == 40301,
                    _ => status is not (401 or 403) && status < 500,
                };
                if (!ok)
                {
                    failures.Add($"{rule.Method} {rule.Route} as {name}: {status} {code}");
                }
            }
            table.AppendLine();
        }
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
